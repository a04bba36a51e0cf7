using Playground.Runtime;
using Playground.Runtime.Protocol;

// The process inside an execution context. It never loads Roslyn: it receives an emitted assembly, runs its Init
// once, then serves invocations one at a time. Between invocations it waits for the next Invoke frame; that is
// where the host freezes it.
var socketPath = Environment.GetEnvironmentVariable(RuntimeEnvironment.SocketVariable);
if (string.IsNullOrEmpty(socketPath))
{
    Console.Error.WriteLine($"{RuntimeEnvironment.SocketVariable} is not set: this program runs only inside an execution context.");
    return 2;
}

using var channel = RuntimeChannel.Connect(socketPath);
var output = new FunctionOutput(channel);
output.CaptureConsole();
return new RuntimeLoop(channel, output).Run();
