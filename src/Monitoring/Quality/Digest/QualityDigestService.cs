using Monitoring.Checks;
using Monitoring.Storage;

namespace Monitoring.Quality.Digest;

/// <summary>Builds a team's digest of a week from the store and the active rules; shared by the job and the preview page.</summary>
public sealed class QualityDigestService(IQualityStore store, ActiveChecks checks, QualityDigestOptions options)
{
    /// <summary>The schedule in the shop's time zone (<c>time_zone</c> of monitoring.yaml).</summary>
    public DigestSchedule Schedule =>
        new(TimeZoneInfo.FindSystemTimeZoneById(checks.Current.Settings.TimeZone), options.Day, options.Time);

    /// <summary>Every team that owns a quality rule.</summary>
    public IReadOnlyList<string> Teams => QualityDigestBuilder.TeamsOf(checks.Current.QualityRules);

    public async Task<QualityDigest> BuildAsync(string team, DigestWeek week, CancellationToken cancellationToken)
    {
        var findings = await store.ListTeamAsync(team, week.From, cancellationToken);
        var firstDay = DateOnly.FromDateTime(week.To.UtcDateTime).AddDays(-options.TrendDays);
        var scores = (await store.ListScoresAsync(firstDay, cancellationToken))
            .Where(s => s.Day <= DateOnly.FromDateTime(week.To.UtcDateTime)).ToList();
        return QualityDigestBuilder.Build(team, week, findings, QualityDigestBuilder.DomainsOf(team, checks.Current.QualityRules), scores,
            Math.Clamp(options.Top, 1, 100));
    }
}
