using Monitoring.Checks;
using Monitoring.Quality;
using Monitoring.Quality.Digest;
using Monitoring.Quality.Findings;
using Monitoring.Storage;

namespace Monitoring.Web;

/// <summary>A record's page: every finding (unresolved first, then by priority) and its score history, oldest first.</summary>
public sealed record QualityRecordView(IReadOnlyList<FindingState> Findings, IReadOnlyList<RecordScorePoint> History)
{
    /// <summary>The latest score, or null when no scan scored the record.</summary>
    public RecordScorePoint? Current => History.Count == 0 ? null : History[^1];

    /// <summary>The findings still to work on: open or acknowledged.</summary>
    public int OpenFindings => Findings.Count(f => f.Status is FindingStatus.Open or FindingStatus.Acknowledged);
}

/// <summary>A team's digest as its email says it: the recipients and route the alert routes give, subject, HTML and text.</summary>
public sealed record QualityDigestView(QualityDigest Digest, IReadOnlyList<string> Recipients, string? RouteName, string Subject, string Html, string Text);

/// <summary>Assembles the data-quality pages' data for the pages and the JSON API, so that both say the same.</summary>
public sealed class QualityViews(IQualityStore store, IQualityHistoryStore history, ActiveChecks checks, QualityDigestService digests, TimeProvider time)
{
    /// <summary>The rule ids the work list filters by.</summary>
    public IReadOnlyList<string> RuleIds => checks.Current.QualityRules.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();

    /// <summary>The teams the work list filters by: those that own a rule.</summary>
    public IReadOnlyList<string> Teams => checks.Current.QualityRules.Select(r => r.Team).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The teams that get a digest.</summary>
    public IReadOnlyList<string> DigestTeams => digests.Teams;

    /// <summary>The record's page, or null when the entity is unknown or the record has neither a finding nor a score.</summary>
    public async Task<QualityRecordView?> RecordAsync(string entity, string key, CancellationToken ct)
    {
        if (!QualityNames.Entities.Contains(entity, StringComparer.Ordinal) || string.IsNullOrWhiteSpace(key)) return null;
        var findings = (await store.ListRecordAsync(entity, key, ct))
            .OrderBy(f => f.Status == FindingStatus.Resolved).ThenByDescending(f => f.Priority).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
        var points = await history.ListAsync(entity, key, ct);
        return findings.Count == 0 && points.Count == 0 ? null : new QualityRecordView(findings, points);
    }

    /// <summary>
    /// A team's digest of an ISO week (default: the current one, as it reads with what is known now), or what is wrong
    /// with the request: no team owns a rule, an unknown team, a week that is not one.
    /// </summary>
    public async Task<(QualityDigestView? View, string? Team, string? Error)> DigestAsync(string? team, string? week, CancellationToken ct)
    {
        var teams = digests.Teams;
        if (teams.Count == 0) return (null, null, "No quality rule names an owning team: there is no digest to show.");
        var chosen = string.IsNullOrWhiteSpace(team) ? teams[0] : team.Trim();
        if (!teams.Contains(chosen, StringComparer.Ordinal))
            return (null, chosen, $"No quality rule is owned by team '{chosen}' (teams: {string.Join(", ", teams)}).");
        var schedule = digests.Schedule;
        DigestWeek digestWeek;
        if (string.IsNullOrWhiteSpace(week)) digestWeek = schedule.Current(time.GetUtcNow());
        else if (DigestSchedule.TryParseWeek(week.Trim(), out var year, out var number)) digestWeek = schedule.Of(year, number);
        else return (null, chosen, $"'{week}' is not an ISO week (write e.g. 2026-W48).");

        var digest = await digests.BuildAsync(chosen, digestWeek, ct);
        var route = checks.Current.Alerts.Match(chosen, "warning");
        // The page shows the chart inline; the email carries the same PNG as a cid: attachment.
        var html = QualityDigestComposer.Html(digest, schedule.Zone, "",
            "data:image/png;base64," + Convert.ToBase64String(QualityDigestComposer.Chart(digest)));
        return (new QualityDigestView(digest, route?.To ?? [], route?.Name, QualityDigestComposer.Subject(digest), html,
            QualityDigestComposer.Text(digest, schedule.Zone, "")), chosen, null);
    }
}
