using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests;

/// <summary>Tests that need PostgreSQL share one server (each test still gets its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
