using Playground.Web.Components.Settings;

namespace Playground.Web.Components.Examples;

/// <summary>A handler that shows one behaviour of the execution context, with what to try and what to watch.</summary>
/// <param name="Behaviour">The behaviour it teaches, in the words of the gallery's chips.</param>
/// <param name="Explanation">Why it behaves so, in two or three sentences.</param>
/// <param name="Try">What to do on the page to see it.</param>
public sealed record Example(
    string Id,
    string Title,
    string Behaviour,
    string Icon,
    string Explanation,
    string Try,
    string Code,
    string Event,
    FunctionSettings Settings,
    int SuggestedBatch = 1);
