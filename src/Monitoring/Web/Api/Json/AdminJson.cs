using Monitoring.Storage;

namespace Monitoring.Web.Api.Json;

/// <summary>The shapes of the administration JSON: the audit log and the API keys (never a key itself).</summary>
public static class AdminJson
{
    /// <summary>One audited action: who did what to what, when, from where.</summary>
    public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail, string? Address);

    /// <summary>An API key as the page lists it: its hint, scope, who made it, whether it is revoked, when it was last used.</summary>
    public sealed record ApiKeyRow(long Id, string Name, string Scope, string Hint, DateTimeOffset CreatedAt, string CreatedBy, bool Active,
        DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastUsedAt);

    public static AuditRow Of(AuditEntry e) => new(e.Id, e.At, e.Actor, e.Action, e.Target, e.Detail, e.Address);

    public static ApiKeyRow Of(ApiKeyRecord k) => new(k.Id, k.Name, k.Scope, k.Hint, k.CreatedAt, k.CreatedBy, k.IsActive, k.RevokedAt,
        k.RevokedBy, k.LastUsedAt);
}
