namespace Monitoring.Checks;

/// <summary>Thrown when the checks folder does not validate; carries every error found.</summary>
public sealed class InvalidChecksException(IReadOnlyList<ConfigError> errors)
    : Exception($"The checks configuration is invalid ({errors.Count} error(s)):{Environment.NewLine}" +
                string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
