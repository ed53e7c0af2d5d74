namespace Monitoring.IntegrationTests.Storage;

/// <summary>The probe store on SQLite: each test gets its own temporary folder, deleted afterwards.</summary>
public sealed class SqliteProbeStoreTests() : ProbeStoreConformance(new SqliteTestBackend());
