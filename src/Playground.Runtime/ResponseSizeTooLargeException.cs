namespace Playground.Runtime;

/// <summary>The handler's response is over Lambda's limit for a synchronous invocation.</summary>
internal sealed class ResponseSizeTooLargeException(int size, int limit)
    : Exception($"Response payload size ({size} bytes) exceeded maximum allowed payload size ({limit} bytes).");
