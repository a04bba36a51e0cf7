using MudBlazor;
using Playground.Web.Live;

namespace Playground.Web.Components.Contexts;

/// <summary>How each phase of a context looks: its name, its colour and its icon, the same on cards and lanes.</summary>
public static class PhaseStyle
{
    public static string Name(ContextPhase phase) => phase switch
    {
        ContextPhase.Starting => "Starting",
        ContextPhase.Initializing => "Initializing",
        ContextPhase.Busy => "Busy",
        ContextPhase.Frozen => "Frozen",
        ContextPhase.Idle => "Init pending",
        ContextPhase.Reclaimed => "Reclaimed",
        ContextPhase.Gone => "Reclaimed",
        _ => phase.ToString(),
    };

    public static Color Color(ContextPhase phase) => phase switch
    {
        ContextPhase.Starting or ContextPhase.Initializing => MudBlazor.Color.Warning,
        ContextPhase.Busy => MudBlazor.Color.Primary,
        ContextPhase.Frozen => MudBlazor.Color.Info,
        ContextPhase.Idle => MudBlazor.Color.Secondary,
        _ => MudBlazor.Color.Default,
    };

    public static string Icon(ContextPhase phase) => phase switch
    {
        ContextPhase.Starting => Icons.Material.Filled.RocketLaunch,
        ContextPhase.Initializing => Icons.Material.Filled.HourglassTop,
        ContextPhase.Busy => Icons.Material.Filled.Bolt,
        ContextPhase.Frozen => Icons.Material.Filled.AcUnit,
        ContextPhase.Idle => Icons.Material.Filled.RestartAlt,
        _ => Icons.Material.Filled.DeleteOutline,
    };

    public static string CssClass(ContextPhase phase) => "phase-" + phase.ToString().ToLowerInvariant();
}
