namespace Monitoring.IntegrationTests;

/// <summary>A temporary folder with a checks/ inside and room for a SQLite file, removed after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "shopmon-it-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Checks);
    }

    public string Root { get; }

    public string Checks => Path.Combine(Root, "checks");

    public string SqlitePath => Path.Combine(Root, "data", "monitoring.db");

    public TempFolder WithProbes(string yaml)
    {
        Directory.CreateDirectory(Path.Combine(Checks, "probes"));
        File.WriteAllText(Path.Combine(Checks, "probes", "probes.yaml"), yaml);
        return this;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a file still held open by a finishing job: the OS temp cleaner gets it */ }
    }
}
