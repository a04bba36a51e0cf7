namespace Playground.Execution.Invocations;

/// <summary>Keeps nothing: the execution core on its own, without a history.</summary>
public sealed class NoInvocationRecorder : IInvocationRecorder
{
    public void Record(InvocationRecord record)
    {
    }
}
