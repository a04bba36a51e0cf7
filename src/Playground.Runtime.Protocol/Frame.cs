namespace Playground.Runtime.Protocol;

/// <summary>One message on the wire: a type, a small JSON header and an opaque body.</summary>
public readonly record struct Frame(FrameType Type, ReadOnlyMemory<byte> Header, ReadOnlyMemory<byte> Body);
