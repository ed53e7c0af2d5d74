namespace Monitoring.Storage;

/// <summary>Answers whether the storage backend can be reached right now.</summary>
public interface IStorageHealth
{
    /// <summary>The backend's name, for messages (<c>sqlite</c>, <c>postgres</c>).</summary>
    string Backend { get; }

    /// <summary>Runs a trivial query; throws when the backend cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
