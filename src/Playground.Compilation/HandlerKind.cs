namespace Playground.Compilation;

/// <summary>The two ways handler code can be written.</summary>
public enum HandlerKind
{
    /// <summary>Top-level statements are the Init phase; a top-level function <c>Handler</c> is the handler.</summary>
    Script,

    /// <summary>Like the AWS templates: the constructor is the Init phase; <c>FunctionHandler</c> is the handler.</summary>
    Class,
}
