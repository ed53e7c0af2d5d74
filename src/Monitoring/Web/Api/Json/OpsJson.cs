using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Scenarios;
using Monitoring.Storage;

namespace Monitoring.Web.Api.Json;

/// <summary>
/// The shapes of the operations JSON (the ops overview, an incident's timeline, a scenario's last run, the configuration
/// status): records, so that the OpenAPI document describes every field.
/// </summary>
public static class OpsJson
{
    /// <summary>The ops overview: checks and scenarios by state, the open incidents, the last 7 days' availability.</summary>
    public sealed record Overview(DateTimeOffset Now, StateCounts Checks, StateCounts Scenarios, int OpenIncidentCount,
        IReadOnlyList<OpenIncident> OpenIncidents, IReadOnlyList<WeekAvailability> Availability);

    /// <summary>How many of a group are in each state (states with none left out), and how many in all.</summary>
    public sealed record StateCounts(int Total, IReadOnlyDictionary<string, int> ByState);

    /// <summary>An open incident as the overview lists it: oldest first.</summary>
    public sealed record OpenIncident(long Id, string CheckId, string CheckName, string? Team, DateTimeOffset Since, double OpenForSeconds,
        string LastMessage, string? AcknowledgedBy);

    /// <summary>A check's availability over the last 7 days and 24 hours (null: no run in the window) and its 24 h p95.</summary>
    public sealed record WeekAvailability(string CheckId, string Name, string Kind, string State, double? Ratio7d, double? Ratio24h, double? P95Ms24h);

    /// <summary>One incident with its timeline, as the check's page shows it.</summary>
    public sealed record IncidentDetail(long Id, string CheckId, bool Open, string FailureClass, string FirstMessage, string LastMessage,
        string? HeldBackBecause, double TimeToDetectSeconds, double? TimeToAcknowledgeSeconds, double? TimeToResolveSeconds,
        IReadOnlyList<TimelineEvent> Timeline, string Page);

    /// <summary>A moment of an incident: <c>first-failure</c>, <c>detected</c>, <c>notified</c>, <c>acknowledged</c>, <c>resolved</c>.</summary>
    public sealed record TimelineEvent(DateTimeOffset At, string Event, string? Detail);

    /// <summary>A scenario's last run step by step (null run: it has not run yet), and the screenshot of a failed browser step.</summary>
    public sealed record ScenarioLastRun(string ScenarioId, string Name, Guid? RunId, DateTimeOffset? StartedAt, IReadOnlyList<ScenarioStep> Steps,
        string? Screenshot);

    /// <summary>One step of a run: 1-based number, outcome (pass, fail, skip…), when it started from the run's start.</summary>
    public sealed record ScenarioStep(int Number, string Id, string Name, string Outcome, int? StatusCode, double OffsetMs, double DurationMs,
        string Message, string? Excerpt);

    /// <summary>The configuration in force and the errors of a newer, refused version of checks/ (the pages' banner).</summary>
    public sealed record ConfigState(DateTimeOffset LoadedAt, DateTimeOffset? RefusedAt, bool HasErrors, IReadOnlyList<ConfigProblem> Errors);

    /// <summary>One configuration error: file, line (0: the whole file), YAML path and message.</summary>
    public sealed record ConfigProblem(string File, int Line, string Path, string Message, string Text);

    public static Overview OverviewOf(IReadOnlyList<CheckRow> rows, DateTimeOffset now)
    {
        static bool IsScenario(CheckRow r) => r.Check.Kind == ScenarioReader.KindName;
        static StateCounts Counts(IReadOnlyList<CheckRow> group) => new(group.Count, Pages.Overview.OpsModel.States
            .Select(s => (s, n: Pages.Overview.OpsModel.Count(group, s))).Where(x => x.n > 0).ToDictionary(x => x.s, x => x.n));
        var open = rows.Where(r => r.OpenIncident is not null).OrderBy(r => r.OpenIncident!.FirstFailureAt).ToList();
        return new Overview(now, Counts(rows.Where(r => !IsScenario(r)).ToList()), Counts(rows.Where(IsScenario).ToList()), open.Count,
            open.Select(r => new OpenIncident(r.OpenIncident!.Id, r.Check.Id, r.Check.Name, r.Check.Team, r.OpenIncident.FirstFailureAt,
                Math.Round((now - r.OpenIncident.FirstFailureAt).TotalSeconds), r.OpenIncident.LastMessage, r.OpenIncident.AcknowledgedBy)).ToList(),
            rows.Select(r => new WeekAvailability(r.Check.Id, r.Check.Name, r.Check.Kind, r.StatusName, Ratio(r.Availability, "7d"),
                Ratio(r.Availability, "24h"), r.Latency24h.P95?.TotalMilliseconds)).ToList());
    }

    public static IncidentDetail IncidentOf(Incident i)
    {
        var timeline = new List<TimelineEvent>
        {
            new(i.FirstFailureAt, "first-failure", i.FirstMessage),
            new(i.DetectedAt, "detected", null),
        };
        if (i.NotifiedAt is { } notified) timeline.Add(new(notified, "notified", i.HeldBackBecause));
        if (i.AcknowledgedAt is { } acknowledged) timeline.Add(new(acknowledged, "acknowledged", i.AcknowledgedBy));
        if (i.ResolvedAt is { } resolved) timeline.Add(new(resolved, "resolved", i.LastMessage));
        return new IncidentDetail(i.Id, i.CheckId, i.IsOpen, ProbeNames.Of(i.Failure), i.FirstMessage, i.LastMessage, i.HeldBackBecause,
            i.TimeToDetect.TotalSeconds, i.TimeToAcknowledge?.TotalSeconds, i.TimeToResolve?.TotalSeconds, timeline,
            $"/checks/{Uri.EscapeDataString(i.CheckId)}#incident-{i.Id}");
    }

    public static ScenarioLastRun ScenarioOf(ProbeDefinition scenario, ScenarioRunSteps? run, StepScreenshot? screenshot) => new(
        scenario.Id, scenario.Name, run?.RunId, run?.StartedAt,
        (run?.Steps ?? []).Select(s => new ScenarioStep(s.Index + 1, s.StepId, s.Name, StepResult.NameOf(s.Outcome), s.StatusCode,
            Math.Round(s.Offset.TotalMilliseconds, 1), Math.Round(s.Duration.TotalMilliseconds, 1), s.Message,
            s.Outcome == StepOutcome.Fail ? s.Excerpt : null)).ToList(),
        screenshot is null ? null : $"/charts/scenarios/{Uri.EscapeDataString(scenario.Id)}/screenshot.png?run={screenshot.RunId}");

    public static ConfigState ConfigOf(ConfigStatus.Snapshot snapshot) => new(snapshot.LoadedAt, snapshot.RefusedAt, snapshot.HasErrors,
        snapshot.Errors.Select(e => new ConfigProblem(e.File, e.Line, e.Path, e.Message, e.ToString())).ToList());

    private static double? Ratio(IReadOnlyList<AvailabilityWindow> windows, string name) => windows.FirstOrDefault(w => w.Window == name)?.Totals.Ratio;
}
