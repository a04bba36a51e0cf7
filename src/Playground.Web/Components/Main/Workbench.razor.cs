using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Playground.Compilation;
using Playground.Execution.Invocations;
using Playground.Web.Components.Editor;
using Playground.Web.Components.Examples;
using Playground.Web.Components.Result;
using Playground.Web.Components.Settings;
using Playground.Web.Live;
using Playground.Web.Workspace;

namespace Playground.Web.Components.Main;

public sealed partial class Workbench : IAsyncDisposable
{
    private const string CompilerOwner = "compiler";
    private const string RuntimeOwner = "runtime";

    private readonly Dictionary<int, int> memorySizes = [];
    private readonly CancellationTokenSource disposed = new();
    private CancellationTokenSource? checking;
    private DotNetObjectReference<Workbench>? self;
    private CodeEditor? codeEditor;
    private CodeEditor? eventEditor;
    private Draft draft = default!;
    private bool loaded;
    private IReadOnlyList<CompileDiagnostic> diagnostics = [];
    private InvocationView? current;
    private IReadOnlyList<InvocationView> batch = [];
    private string? busy;
    private string? problem;
    private string? eventProblem;
    private int batchSize = 3;
    private int editorTab;
    private bool examplesOpen;
    private int? markedLine;

    [Inject]
    private FunctionWorkspace Workspace { get; set; } = default!;

    [Inject]
    private Execution.ExecutionEngine Engine { get; set; } = default!;

    [Inject]
    private PageSession Session { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>This workbench's own feed: another workbench in the same circuit (after navigating) has its own.</summary>
    private LiveContexts Live { get; set; } = default!;

    [Inject]
    private DraftStore Drafts { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The function this page works on, in the page's session.</summary>
    [Parameter]
    public string FunctionName { get; set; } = FunctionWorkspace.DefaultFunctionName;

    /// <summary>Where the draft is kept in the browser; null keeps nothing (the embed).</summary>
    [Parameter]
    public string? DraftKey { get; set; }

    /// <summary>What the page starts from and what Reset puts back: an example or a shared snippet.</summary>
    [Parameter, EditorRequired]
    public Draft Origin { get; set; } = default!;

    [Parameter]
    public bool Compact { get; set; }

    [Parameter]
    public string ResetLabel { get; set; } = "Reset";

    [Parameter]
    public string ResetHint { get; set; } = "Put the example's code, event and settings back (Ctrl+Z in the editor undoes it)";

    /// <summary>Share: given the draft as it is now. No delegate, no Share button.</summary>
    [Parameter]
    public EventCallback<Draft> OnShare { get; set; }

    /// <summary>More actions for the toolbar (Fork, Open in playground).</summary>
    [Parameter]
    public RenderFragment? Toolbar { get; set; }

    /// <summary>The history of the session's invocations, under the timeline.</summary>
    [Parameter]
    public RenderFragment? History { get; set; }

    /// <summary>Raised after every invoke from this page, e.g. to add its invocations to the history.</summary>
    [Parameter]
    public EventCallback<InvokedBatch> OnInvoked { get; set; }

    // As tall as a laptop screen allows next to the result and the contexts, never cramped.
    private string EditorHeight => Compact ? "260px" : "clamp(320px, calc(100vh - 390px), 640px)";

    private Example? Lesson => ExampleCatalog.Find(draft.ExampleId);

    private bool SettingsValid => draft.Settings.Errors(Workspace.Limits).Count == 0;

    private bool CanInvoke => SettingsValid && eventProblem is null && Workspace.Isolation.CanRunHandlers;

    private string? ErrorBadge => diagnostics.Count(d => d.Severity == "Error") is > 0 and var count ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    private EventCallback ShareCallback => OnShare.HasDelegate ? EventCallback.Factory.Create(this, ShareAsync) : default;

    protected override void OnInitialized()
    {
        Workspace.FunctionName = FunctionName;
        draft = Origin;
        Live = new LiveContexts(Engine, Session, Time);
        Live.Start(FunctionName, InvokeAsync, StateHasChanged);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        self = DotNetObjectReference.Create(this);
        await JS.InvokeVoidAsync("playground.shortcuts.register", self);
        if (DraftKey is not null && await Drafts.LoadAsync(DraftKey, disposed.Token) is { } stored)
        {
            draft = stored;
        }

        loaded = true;
        StateHasChanged();
        await CheckAsync(draft.Code);
    }

    [JSInvokable]
    public Task OnInvokeShortcut() => busy is null ? InvokeAsync(() => RunAsync(1)) : Task.CompletedTask;

    private async Task OnCodeChangedAsync(string code)
    {
        // A pause in typing reported after an invoke already took the text: nothing changed since.
        if (code == draft.Code)
        {
            return;
        }

        draft = draft with { Code = code };
        await SaveDraftAsync();
        if (markedLine is not null)
        {
            markedLine = null;
            await codeEditor!.HighlightLineAsync(0);
            await codeEditor.SetMarkersAsync(RuntimeOwner, []);
        }

        await CheckAsync(code);
    }

    private async Task OnEventChangedAsync(string json)
    {
        draft = draft with { Event = json };
        eventProblem = SampleEvent.Problem(json);
        await SaveDraftAsync();
    }

    private async Task OnSettingsChangedAsync(FunctionSettings settings)
    {
        draft = draft with { Settings = settings };
        await SaveDraftAsync();
    }

    /// <summary>Squiggles while typing: compile (no deploy) and mark what the compiler says. A newer text cancels the wait.</summary>
    private async Task CheckAsync(string code)
    {
        if (checking is not null)
        {
            await checking.CancelAsync();
        }

        checking = CancellationTokenSource.CreateLinkedTokenSource(disposed.Token);
        try
        {
            var result = await Workspace.CheckAsync(code, checking.Token);
            await ShowDiagnosticsAsync(result.Diagnostics);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ShowDiagnosticsAsync(IReadOnlyList<CompileDiagnostic> found)
    {
        diagnostics = found;
        StateHasChanged();
        if (codeEditor is not null)
        {
            await codeEditor.SetMarkersAsync(CompilerOwner, found.Select(EditorMarker.From));
        }
    }

    private async Task RunAsync(int count)
    {
        if (busy is not null || codeEditor is null || eventEditor is null)
        {
            return;
        }

        problem = null;
        busy = "Compiling…";
        StateHasChanged();
        try
        {
            // The editors' text right now, not as it was when typing last paused.
            var code = await codeEditor.GetValueAsync();
            var json = await eventEditor.GetValueAsync();
            draft = draft with { Code = code, Event = json };
            await SaveDraftAsync();
            if ((eventProblem = SampleEvent.Problem(json)) is not null)
            {
                problem = "The sample event is not valid JSON; nothing ran.";
                editorTab = 1;
                return;
            }

            var outcome = await Workspace.DeployAsync(code, draft.Settings, disposed.Token);
            if (!outcome.Deployed)
            {
                await ShowDiagnosticsAsync(outcome.Diagnostics);
                problem = outcome.ConfigurationErrors.Count > 0
                    ? "Settings out of range; nothing ran. " + string.Join(" ", outcome.ConfigurationErrors.Select(e => e.Message))
                    : "The code does not compile; nothing ran. " + FirstError(outcome.Diagnostics);
                editorTab = outcome.ConfigurationErrors.Count > 0 ? 2 : 0;
                return;
            }

            await ShowDiagnosticsAsync(outcome.Diagnostics);
            memorySizes[outcome.Version!.Number] = outcome.Version.Configuration.MemorySize;
            busy = count == 1 ? "Invoking…" : $"Invoking {count} at once…";
            StateHasChanged();
            var payload = SampleEvent.Payload(json);
            var results = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Workspace.InvokeAsync(payload)));
            batch = count > 1 ? results.Select(InvocationView.From).ToList() : [];
            current = batch.Count > 0 ? batch[0] : InvocationView.From(results[0]);
            await MarkErrorLineAsync(current);
            await OnInvoked.InvokeAsync(new InvokedBatch(json, results));
        }
        catch (Execution.Functions.FunctionNotFoundException)
        {
            problem = "The function went away while it was invoked (the session ended). Reload the page.";
        }
        finally
        {
            busy = null;
            StateHasChanged();
        }
    }

    private async Task SelectAsync(InvocationView view)
    {
        current = view;
        await MarkErrorLineAsync(view);
    }

    /// <summary>An error thrown in the handler marks its line, with the message, until the code changes.</summary>
    private async Task MarkErrorLineAsync(InvocationView? view)
    {
        markedLine = view?.ErrorLine;
        await codeEditor!.HighlightLineAsync(markedLine ?? 0);
        var markers = view is { ErrorLine: { } line }
            ? [new EditorMarker("Error", $"{view.ErrorType}: {view.ErrorMessage}", view.ErrorType, line, 1, line, 1000)]
            : Array.Empty<EditorMarker>();
        await codeEditor.SetMarkersAsync(RuntimeOwner, markers);
    }

    private async Task ForceColdStartAsync()
    {
        var reclaimed = await Workspace.ForceColdStartAsync();
        Snackbar.Add(
            reclaimed == 0 ? "No idle context to reclaim: the next invoke starts a new one anyway." : $"Reclaimed {reclaimed} execution context{(reclaimed == 1 ? string.Empty : "s")}: the next invoke is a cold start.",
            Severity.Info);
    }

    /// <summary>Back to the example the reader opened, or to what the page started from (a shared snippet).</summary>
    private async Task ResetAsync()
    {
        var example = Origin.ExampleId is null ? null : ExampleCatalog.Find(draft.ExampleId);
        await LoadAsync(example is null ? Origin : new Draft(example.Code, example.Event, example.Settings.Copy(), example.Id));
    }

    private async Task OpenExampleAsync(Example example)
    {
        examplesOpen = false;
        batchSize = example.SuggestedBatch > 1 ? example.SuggestedBatch : batchSize;
        await LoadAsync(new Draft(example.Code, example.Event, example.Settings.Copy(), example.Id));
        Snackbar.Add($"Opened “{example.Title}”. Ctrl+Z in the editor brings your previous code back.", Severity.Normal);
    }

    private async Task LoadAsync(Draft next)
    {
        draft = next;
        eventProblem = SampleEvent.Problem(next.Event);
        problem = null;
        editorTab = 0;
        StateHasChanged();
        if (codeEditor is not null && eventEditor is not null)
        {
            await codeEditor.SetValueAsync(next.Code);
            await eventEditor.SetValueAsync(next.Event);
        }

        await SaveDraftAsync();
        await CheckAsync(next.Code);
    }

    private async Task ShareAsync() => await OnShare.InvokeAsync(await CurrentDraftAsync());

    /// <summary>The draft with the editors' text right now (not as it was when typing last paused).</summary>
    public async Task<Draft> CurrentDraftAsync()
    {
        if (codeEditor is not null && eventEditor is not null)
        {
            draft = draft with { Code = await codeEditor.GetValueAsync(), Event = await eventEditor.GetValueAsync() };
        }

        return draft;
    }

    private Task RevealAsync(CompileDiagnostic diagnostic)
    {
        editorTab = 0;
        return codeEditor?.RevealAsync(diagnostic.Line, diagnostic.Column) ?? Task.CompletedTask;
    }

    private async Task SaveDraftAsync()
    {
        if (DraftKey is not null)
        {
            await Drafts.SaveAsync(DraftKey, draft, disposed.Token);
        }
    }

    private static string FirstError(IReadOnlyList<CompileDiagnostic> found) =>
        found.FirstOrDefault(d => d.Severity == "Error") is { } first ? $"Line {first.Line}: {first.Id} {first.Message}" : string.Empty;

    public async ValueTask DisposeAsync()
    {
        await disposed.CancelAsync();
        if (self is not null)
        {
            try
            {
                await JS.InvokeVoidAsync("playground.shortcuts.unregister", self);
            }
            catch (JSDisconnectedException)
            {
            }

            self.Dispose();
        }

        await Live.DisposeAsync();
        checking?.Dispose();
        disposed.Dispose();
    }
}
