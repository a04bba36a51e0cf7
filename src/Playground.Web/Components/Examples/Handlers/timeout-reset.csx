// At the timeout the runtime process is killed: the next invocation runs Init again in a fresh process,
// in the same execution context, so /tmp is still there. Only a reclaim clears /tmp.
var initAt = DateTime.UtcNow;
File.AppendAllText("/tmp/inits.log", $"Init at {initAt:HH:mm:ss.fff}\n");

async Task<object> Handler(JsonElement input, ILambdaContext context)
{
    var sleep = input.TryGetProperty("sleepSeconds", out var s) ? s.GetDouble() : 0;
    if (sleep > 0)
    {
        context.Logger.LogLine($"sleeping {sleep} s; {context.RemainingTime.TotalSeconds:0.0} s left before the timeout");
        await Task.Delay(TimeSpan.FromSeconds(sleep));
    }

    return new
    {
        thisInitAt = initAt,
        initsRecordedInTmp = File.ReadAllLines("/tmp/inits.log"),
    };
}
