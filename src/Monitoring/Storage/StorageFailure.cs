using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace Monitoring.Storage;

/// <summary>
/// Tells a database that is away (stopped, restarting, unreachable, out of connections) from a bug in a query: the
/// first is waited out, its work held or retried; the second must still fail loudly.
/// </summary>
public static class StorageFailure
{
    /// <summary>True when <paramref name="error"/>, or one it wraps, says the database could not be reached or answer.</summary>
    public static bool IsUnavailable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 08: connection exceptions; 57P: the server shuts down or restarts; 53: out of connections or memory.
                case PostgresException server:
                    return server.SqlState.StartsWith("08", StringComparison.Ordinal) || server.SqlState.StartsWith("57P", StringComparison.Ordinal)
                           || server.SqlState.StartsWith("53", StringComparison.Ordinal);
                // Any other Npgsql error is the client's side of the wire: refused, reset, timed out.
                case NpgsqlException:
                case DbException { IsTransient: true }:
                case TimeoutException:
                case SocketException:
                case IOException:
                    return true;
            }
        }
        return false;
    }
}
