using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Storage;

/// <summary>The probe store on PostgreSQL: each test gets its own database on the shared server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresProbeStoreTests(PostgresFixture postgres) : ProbeStoreConformance(new PostgresTestBackend(postgres.Server));
