using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.Web.Api.Json;

/// <summary>The shapes of the checks list, a check's detail, the incidents list and the probes list.</summary>
public static class CheckJson
{
    /// <summary>A check as the checks list shows it.</summary>
    public sealed record Row(string Id, string Name, string Kind, string Target, string? Team, string Severity, double IntervalSeconds,
        string State, DateTimeOffset? StateSince, bool InMaintenance, bool Flapping, Run? LastResult, IReadOnlyList<Availability> Availability,
        Latency Latency24h, Incident? OpenIncident);

    /// <summary>Percentiles of the durations of the runs that were up over 24 hours (null: none).</summary>
    public sealed record Latency(int Runs, double? P50Ms, double? P95Ms, double? P99Ms);

    /// <summary>A check's page: its row, its definition's timing and dependencies, 30-day statistics, months, incidents, runs.</summary>
    public sealed record Detail(Row Check, double TimeoutSeconds, IReadOnlyList<string> DependsOn, string Source, Statistics Last30Days,
        IReadOnlyList<Availability> Monthly, IReadOnlyList<Incident> Incidents, IReadOnlyList<Run> RecentRuns);

    /// <summary>Mean times to detect, acknowledge and resolve over the incidents detected in the last 30 days.</summary>
    public sealed record Statistics(int Incidents, double? MeanTimeToDetectSeconds, double? MeanTimeToAcknowledgeSeconds,
        double? MeanTimeToResolveSeconds);

    /// <summary>Availability over a window (24h, 7d, 30d or a month): the ratio (null: nothing observed) and the time down.</summary>
    public sealed record Availability(string Window, DateTimeOffset From, DateTimeOffset To, double? Ratio, double DownSeconds, double MaintenanceSeconds,
        double UnknownSeconds);

    /// <summary>One run of a probe: outcome, failure class, duration, status, message, phases, certificate expiry.</summary>
    public sealed record Run(DateTimeOffset StartedAt, string Outcome, string? FailureClass, double DurationMs, int? StatusCode, string Message,
        IReadOnlyDictionary<string, double> PhasesMs, DateTimeOffset? CertificateExpiresAt);

    /// <summary>An incident with its moments and durations.</summary>
    public sealed record Incident(long Id, string CheckId, bool Open, string FailureClass, string FirstMessage, string LastMessage,
        DateTimeOffset FirstFailureAt, DateTimeOffset DetectedAt, DateTimeOffset? NotifiedAt, DateTimeOffset? AcknowledgedAt,
        string? AcknowledgedBy, DateTimeOffset? ResolvedAt, string? HeldBackBecause, double TimeToDetectSeconds,
        double? TimeToAcknowledgeSeconds, double? TimeToResolveSeconds);

    /// <summary>An active probe with its last result and its last 24 hours.</summary>
    public sealed record Probe(string Id, string Name, string Kind, string Target, double IntervalSeconds, string? Team, Run? LastResult,
        int Runs24h, double? SuccessRatio24h);

    public static Row Of(CheckRow row) => new(row.Check.Id, row.Check.Name, row.Check.Kind, row.Check.Settings.Target, row.Check.Team,
        row.Check.Severity, row.Check.Interval.TotalSeconds, row.StatusName, row.State?.Since, row.State?.InMaintenance ?? false,
        row.State?.Flapping ?? false, row.LastResult is null ? null : Of(row.LastResult), row.Availability.Select(Of).ToList(),
        new Latency(row.Latency24h.Runs, row.Latency24h.P50?.TotalMilliseconds, row.Latency24h.P95?.TotalMilliseconds, row.Latency24h.P99?.TotalMilliseconds),
        row.OpenIncident is null ? null : Of(row.OpenIncident));

    public static Detail Of(CheckDetail detail, DateTimeOffset now)
    {
        var s = detail.Last30Days(now);
        var check = detail.Row.Check;
        return new Detail(Of(detail.Row), check.Timeout.TotalSeconds, check.Policy.DependsOn.ToList(), check.Source,
            new Statistics(s.Count, s.MeanTimeToDetect?.TotalSeconds, s.MeanTimeToAcknowledge?.TotalSeconds, s.MeanTimeToResolve?.TotalSeconds),
            detail.Monthly.Select(Of).ToList(), detail.Incidents.Select(Of).ToList(), detail.RecentRuns.Select(Of).ToList());
    }

    public static Availability Of(AvailabilityWindow w) => new(w.Window, w.From, w.To, w.Totals.Ratio, w.Totals.Down.TotalSeconds,
        w.Totals.Maintenance.TotalSeconds, w.Totals.Unknown.TotalSeconds);

    public static Run Of(ProbeResult run) => new(run.StartedAt, ProbeNames.Of(run.Outcome), run.IsUp ? null : ProbeNames.Of(run.Failure),
        Math.Round(run.Duration.TotalMilliseconds, 1), run.StatusCode, run.Message,
        run.Phases.ToDictionary(p => p.Key, p => Math.Round(p.Value.TotalMilliseconds, 2)), run.CertificateExpiresAt);

    public static Incident Of(Incidents.Incident i) => new(i.Id, i.CheckId, i.IsOpen, ProbeNames.Of(i.Failure), i.FirstMessage, i.LastMessage,
        i.FirstFailureAt, i.DetectedAt, i.NotifiedAt, i.AcknowledgedAt, i.AcknowledgedBy, i.ResolvedAt, i.HeldBackBecause,
        i.TimeToDetect.TotalSeconds, i.TimeToAcknowledge?.TotalSeconds, i.TimeToResolve?.TotalSeconds);

    public static Probe Of(ProbeSummary s) => new(s.Probe.Id, s.Probe.Name, s.Probe.Kind, s.Probe.Target, s.Probe.Interval.TotalSeconds,
        s.Probe.Team, s.LastResult is null ? null : Of(s.LastResult), s.Runs, s.SuccessRatio);
}
