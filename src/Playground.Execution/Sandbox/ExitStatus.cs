namespace Playground.Execution.Sandbox;

/// <summary>Describes how a runtime process ended, in the words of Lambda's Runtime.ExitError messages.</summary>
internal static class ExitStatus
{
    /// <summary>From the shell's status: 128 + n for a signal n, the exit code otherwise.</summary>
    public static string Describe(int? status) => status switch
    {
        null => "Runtime exited without providing a reason",
        > 128 and < 160 => $"Runtime exited with error: signal: {SignalName(status.Value - 128)}",
        _ => $"Runtime exited with error: exit status {status}",
    };

    private static string SignalName(int signal) => signal switch
    {
        1 => "hangup",
        2 => "interrupt",
        4 => "illegal instruction",
        6 => "aborted",
        7 => "bus error",
        8 => "floating point exception",
        9 => "killed",
        11 => "segmentation fault",
        13 => "broken pipe",
        15 => "terminated",
        31 => "bad system call",
        _ => $"signal {signal}",
    };
}
