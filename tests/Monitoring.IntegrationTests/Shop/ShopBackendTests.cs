using Monitoring.IntegrationTests.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Shop;

/// <summary>The shop writer on SQLite.</summary>
public sealed class SqliteShopWriterTests() : ShopWriterConformance(new SqliteTestBackend());

/// <summary>The shop writer on PostgreSQL (binary COPY into a staging table, then one upsert).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresShopWriterTests(PostgresFixture postgres) : ShopWriterConformance(new PostgresTestBackend(postgres.Server));

/// <summary>The import pipeline on SQLite.</summary>
public sealed class SqliteShopImporterTests() : ShopImporterConformance(new SqliteTestBackend());

/// <summary>The import pipeline on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresShopImporterTests(PostgresFixture postgres) : ShopImporterConformance(new PostgresTestBackend(postgres.Server));
