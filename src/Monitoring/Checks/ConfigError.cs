namespace Monitoring.Checks;

/// <summary>One problem found in the configuration, located precisely enough to fix it without searching.</summary>
/// <param name="File">The file, relative to the checks folder's parent so that it reads like <c>checks/probes/x.yaml</c>.</param>
/// <param name="Line">1-based line of the offending node; 0 when the problem is not tied to a line.</param>
/// <param name="Path">The YAML path, such as <c>probes[2].timeout</c>; empty for a whole-file problem.</param>
/// <param name="Message">What is wrong, quoting the offending value.</param>
public sealed record ConfigError(string File, int Line, string Path, string Message)
{
    public override string ToString()
    {
        var location = Line > 0 ? $"{File}:{Line}" : File;
        return Path.Length > 0 ? $"{location} {Path}: {Message}" : $"{location}: {Message}";
    }
}
