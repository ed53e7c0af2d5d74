namespace Monitoring.Quality;

/// <summary>
/// One rule kind: its YAML name, the dimension and message a rule of it gets when the YAML does not set them, and
/// the reader of its own settings (which returns null after recording errors).
/// </summary>
public sealed record QualityRuleKind(
    string Name,
    QualityDimension DefaultDimension,
    string DefaultMessage,
    Func<RuleSettings, IQualityRule?> Read);
