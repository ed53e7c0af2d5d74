namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>consent</c> (on contacts): a consent given must be provable, so a true <c>flag</c> (default consent_email)
/// needs its <c>timestamp</c> (default consent_email_at), not later than the scan (GDPR: the company must be able to
/// show when consent was obtained, seeds S4:992). A contact without the consent does not apply.
/// </summary>
public sealed class ConsentRule(string flag, string timestamp) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("consent", QualityDimension.Completeness, "{field}: {detail}",
        s => s.Field("flag", "consent_email") is { } f && s.Field("timestamp", "consent_email_at") is { } t ? new ConsentRule(f, t) : null);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Get(flag) is not true) return null;
        if (record.Instant(timestamp) is not { } at) return RuleOutcome.Fail(record, timestamp, null, $"{flag} is true but when it was given is not recorded");
        return at > context.Now.AddDays(1)
            ? RuleOutcome.Fail(record, timestamp, at, "consent dated in the future")
            : Pass(record);
    }
}
