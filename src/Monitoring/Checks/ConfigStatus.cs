namespace Monitoring.Checks;

/// <summary>
/// How the last reload of checks/ went, for the pages' banner, <c>/readyz</c>'s neighbours and the logs: when the
/// configuration in force was loaded, and the errors of a newer, refused version of the files (empty when the files on
/// disk are the ones in force).
/// </summary>
public sealed class ConfigStatus(TimeProvider time)
{
    private volatile Snapshot _snapshot = new(time.GetUtcNow(), null, []);

    public sealed record Snapshot(DateTimeOffset LoadedAt, DateTimeOffset? RefusedAt, IReadOnlyList<ConfigError> Errors)
    {
        public bool HasErrors => Errors.Count > 0;
    }

    public Snapshot Current => _snapshot;

    public void Loaded(DateTimeOffset at) => _snapshot = new Snapshot(at, null, []);

    public void Refused(DateTimeOffset at, IReadOnlyList<ConfigError> errors) => _snapshot = _snapshot with { RefusedAt = at, Errors = errors };
}
