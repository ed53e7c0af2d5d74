using System.Net.Sockets;
using Monitoring.Storage;
using Npgsql;

namespace Monitoring.Tests.Storage;

public sealed class StorageFailureTests
{
    public static TheoryData<string, Exception, bool> Cases => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect", new SocketException(111)), true },
        { "server shutting down (57P01)", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), true },
        { "server starting up (57P03)", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"), true },
        { "too many connections (53300)", new PostgresException("too many clients already", "FATAL", "FATAL", "53300"), true },
        { "wrapped timeout", new InvalidOperationException("query failed", new TimeoutException()), true },
        { "unique violation (23505)", new PostgresException("duplicate key value", "ERROR", "ERROR", "23505"), false },
        { "syntax error (42601)", new PostgresException("syntax error", "ERROR", "ERROR", "42601"), false },
        { "a bug", new InvalidOperationException("Sequence contains no elements"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tells_a_database_that_is_away_from_a_query_that_is_wrong(string what, Exception error, bool unavailable) =>
        Assert.True(StorageFailure.IsUnavailable(error) == unavailable, what);
}
