namespace Playground.Execution.Invocations;

/// <summary>
/// Receives every finished invocation (throttled ones included) the moment its result is known. Implementations must
/// return at once: the invocation's caller is waiting. The history writer queues the record and writes it later.
/// </summary>
public interface IInvocationRecorder
{
    void Record(InvocationRecord record);
}
