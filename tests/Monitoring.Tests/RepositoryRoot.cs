namespace Monitoring.Tests;

/// <summary>Finds the repository's root from the test binaries, to read the real checks/.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Monitoring.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Monitoring.sln not found above " + AppContext.BaseDirectory);
    }
}
