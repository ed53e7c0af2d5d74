using Monitoring.IntegrationTests.Storage;
using Monitoring.TestSupport;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Reliability;

/// <summary>The malformed CSV files imported on SQLite.</summary>
public sealed class SqliteMalformedCsvTests(ITestOutputHelper output) : MalformedCsvConformance(new SqliteTestBackend(), output);

/// <summary>The malformed CSV files imported on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMalformedCsvTests(PostgresFixture postgres, ITestOutputHelper output)
    : MalformedCsvConformance(new PostgresTestBackend(postgres.Server), output);
