using System.Data.Common;

namespace Monitoring.Storage;

/// <summary>Opens connections to the configured backend; stores never build connection strings themselves.</summary>
public interface IDbConnectionFactory
{
    SqlDialect Dialect { get; }

    /// <summary>An open connection; the caller disposes it.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
