namespace Monitoring.Storage;

/// <summary>One line of the audit log: who did what to what, when, and from where.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string? Target, string? Detail, string? Address)
{
    public long Id { get; init; }
}

/// <summary>The append-only audit log.</summary>
public interface IAuditStore
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The latest entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, CancellationToken cancellationToken);
}
