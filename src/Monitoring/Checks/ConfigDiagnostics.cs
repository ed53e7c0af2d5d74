namespace Monitoring.Checks;

/// <summary>Collects every configuration error of one load, so that all of them are reported at once.</summary>
public sealed class ConfigDiagnostics
{
    private readonly List<ConfigError> _errors = [];

    public IReadOnlyList<ConfigError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(ConfigError error) => _errors.Add(error);

    public void Add(string file, int line, string path, string message) => _errors.Add(new ConfigError(file, line, path, message));
}
