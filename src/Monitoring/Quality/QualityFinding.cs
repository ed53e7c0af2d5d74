using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Quality;

/// <summary>
/// One failure of one rule on one record, with the offending value as evidence. Its identity is
/// (<see cref="RuleId"/>, <see cref="Entity"/>, <see cref="Key"/>); <see cref="Fingerprint"/> changes when the evidence
/// does, which is what re-opens an ignored finding.
/// </summary>
public sealed record QualityFinding(
    string RuleId,
    string Entity,
    string Key,
    QualitySeverity Severity,
    QualityDimension Dimension,
    string? Field,
    string? Value,
    string Message,
    string? Fix,
    string? Team,
    double Priority)
{
    /// <summary>A short hash of the rule, the field and the evidence value (not of the message, so that rewording a
    /// rule does not re-open every ignored finding).</summary>
    public string Fingerprint { get; } = FingerprintOf(RuleId, Field, Value);

    public static string FingerprintOf(string ruleId, string? field, string? value)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{field}\n{value}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }
}
