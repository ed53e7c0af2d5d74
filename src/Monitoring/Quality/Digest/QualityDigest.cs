using Monitoring.Quality.Findings;
using Monitoring.Storage;

namespace Monitoring.Quality.Digest;

/// <summary>
/// What one team's weekly digest says: the week's new and resolved findings, the open ones that matter most (by
/// priority) and the ones waiting longest (by age), each list cut to the top N with its full count, and the daily
/// scores of the domains the team's rules cover.
/// </summary>
public sealed record QualityDigest(
    string Team,
    DigestWeek Week,
    IReadOnlyList<FindingState> New,
    int NewCount,
    IReadOnlyList<FindingState> Resolved,
    int ResolvedCount,
    IReadOnlyList<FindingState> TopOpen,
    IReadOnlyList<FindingState> OldestOpen,
    int OpenCount,
    IReadOnlyList<string> Domains,
    IReadOnlyList<QualityScoreDay> Scores)
{
    /// <summary>The latest score of a domain, and the one of a week before it (null when the history is shorter).</summary>
    public (QualityScoreDay? Latest, QualityScoreDay? WeekBefore) Trend(string domain)
    {
        var days = Scores.Where(s => s.Domain == domain).OrderBy(s => s.Day).ToList();
        if (days.Count == 0) return (null, null);
        var latest = days[^1];
        return (latest, days.LastOrDefault(d => d.Day <= latest.Day.AddDays(-7)));
    }
}

/// <summary>Chooses what a digest shows, as pure logic over the team's findings (see <see cref="IQualityStore.ListTeamAsync"/>).</summary>
public static class QualityDigestBuilder
{
    public static QualityDigest Build(string team, DigestWeek week, IEnumerable<FindingState> findings, IReadOnlyList<string> domains,
        IEnumerable<QualityScoreDay> scores, int top)
    {
        var mine = findings.Where(f => f.Team == team).ToList();
        bool InWeek(DateTimeOffset? at) => at is { } t && t >= week.From && t < week.To;
        var added = ByPriority(mine.Where(f => InWeek(f.FirstSeenAt))).ToList();
        var resolved = ByPriority(mine.Where(f => f.Status == FindingStatus.Resolved && InWeek(f.ResolvedAt))).ToList();
        // Open at the digest's time: ignored ones are left out, a person decided they are not defects.
        var open = mine.Where(f => f.Status is FindingStatus.Open or FindingStatus.Acknowledged && f.FirstSeenAt < week.To).ToList();
        var oldest = open.OrderBy(f => f.FirstSeenAt).ThenByDescending(f => f.Priority).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Key, StringComparer.Ordinal);
        var shown = scores.Where(s => domains.Contains(s.Domain, StringComparer.Ordinal)).OrderBy(s => s.Day).ThenBy(s => s.Domain, StringComparer.Ordinal).ToList();
        return new QualityDigest(team, week, added.Take(top).ToList(), added.Count, resolved.Take(top).ToList(), resolved.Count,
            ByPriority(open).Take(top).ToList(), oldest.Take(top).ToList(), open.Count, domains, shown);
    }

    /// <summary>The domains a team's rules score: catalogue for product rules, customers for account rules…</summary>
    public static IReadOnlyList<string> DomainsOf(string team, IEnumerable<QualityRuleDefinition> rules) =>
        rules.Where(r => r.Team == team).Select(r => QualityNames.DomainOf(r.Entity)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every team that owns at least one rule.</summary>
    public static IReadOnlyList<string> TeamsOf(IEnumerable<QualityRuleDefinition> rules) =>
        rules.Select(r => r.Team).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static IOrderedEnumerable<FindingState> ByPriority(IEnumerable<FindingState> findings) =>
        findings.OrderByDescending(f => f.Priority).ThenBy(f => f.FirstSeenAt).ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal);
}
