using System.Collections.Concurrent;
using System.Diagnostics;

namespace Playground.Execution.Sandbox;

/// <summary>
/// Starts every sandbox from one thread that lives as long as the server. bubblewrap's --die-with-parent uses
/// PR_SET_PDEATHSIG, whose "parent" is the thread that forked: a sandbox started from a thread-pool thread would be
/// killed when the pool retires that thread. From here, a sandbox dies exactly when the server does.
/// </summary>
internal sealed class ProcessSpawner : IDisposable
{
    private readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> queue = new();
    private readonly Thread thread;

    public ProcessSpawner()
    {
        thread = new Thread(Run) { IsBackground = true, Name = "sandbox spawner" };
        thread.Start();
    }

    public Task<Process> StartAsync(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Add((start, started));
        return started.Task;
    }

    public void Dispose() => queue.CompleteAdding();

    private void Run()
    {
        foreach (var (start, started) in queue.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start"));
            }
            catch (Exception exception)
            {
                started.SetException(exception);
            }
        }

        // The thread must outlive every sandbox it forked; the process ends it.
        Thread.Sleep(Timeout.Infinite);
    }
}
