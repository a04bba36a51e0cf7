namespace Playground.Web.Live;

public enum SpanKind
{
    Init,
    Invoke,
    Frozen,
}
