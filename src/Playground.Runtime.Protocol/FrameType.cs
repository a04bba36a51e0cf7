namespace Playground.Runtime.Protocol;

/// <summary>The kinds of frame exchanged between the host and the runtime inside an execution context.</summary>
public enum FrameType : byte
{
    /// <summary>Runtime -> host, once per runtime process: it is up and waits for <see cref="Load"/>.</summary>
    Hello = 1,

    /// <summary>Host -> runtime: the function to load (header <see cref="LoadMessage"/>, body the assembly bytes).</summary>
    Load = 2,

    /// <summary>Runtime -> host: Init ran to completion (header <see cref="InitCompletedMessage"/>).</summary>
    InitCompleted = 3,

    /// <summary>Runtime -> host: Init threw or the handler could not be bound (header <see cref="ErrorMessage"/>).</summary>
    InitFailed = 4,

    /// <summary>Host -> runtime: run the handler once (header <see cref="InvokeMessage"/>, body the event JSON).</summary>
    Invoke = 5,

    /// <summary>Runtime -> host: the handler's result (header <see cref="ResponseMessage"/>, body the response JSON).</summary>
    Response = 6,

    /// <summary>Runtime -> host: the handler threw (header <see cref="ErrorMessage"/>).</summary>
    Error = 7,

    /// <summary>Runtime -> host: output of the function (header <see cref="LogMessage"/>, body UTF-8 text).</summary>
    Log = 8,
}
