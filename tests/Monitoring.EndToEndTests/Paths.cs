namespace Monitoring.EndToEndTests;

public static class Paths
{
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Monitoring.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Monitoring.sln not found above " + AppContext.BaseDirectory);
    }

    public static string RepositoryChecks() => Path.Combine(RepositoryRoot(), "checks");

    /// <summary>A tool from the machine's PATH, or a failure that says how to install it.</summary>
    public static string Tool(string name, string debianPackage)
    {
        var found = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            $"'{name}' is not installed: apt-get install -y --no-install-recommends {debianPackage} (scripts/install-test-deps.sh does it)");
    }

    public static string NewTempFolder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(path);
        return path;
    }
}
