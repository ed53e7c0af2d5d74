using Hangfire.PostgreSql;
using Npgsql;

namespace Monitoring.Scheduling;

/// <summary>Lets Hangfire.PostgreSql take its connections from the process's one <see cref="NpgsqlDataSource"/>.</summary>
public sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}
