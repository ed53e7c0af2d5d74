namespace Monitoring.Tests;

/// <summary>A checks/ folder in a temporary directory, written from (relative path, content) pairs and removed after.</summary>
public sealed class TempChecksFolder : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shopmon-checks-" + Guid.NewGuid().ToString("N")[..10]);

    public TempChecksFolder(params (string Path, string Content)[] files)
    {
        Directory.CreateDirectory(Checks);
        foreach (var (path, content) in files) Write(path, content);
    }

    /// <summary>The folder itself, named <c>checks</c> so that messages read like the real ones.</summary>
    public string Checks => Path.Combine(_root, "checks");

    public void Write(string relativePath, string content)
    {
        var full = Path.Combine(Checks, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
