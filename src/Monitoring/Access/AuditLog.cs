using System.Security.Claims;
using Monitoring.Storage;

namespace Monitoring.Access;

/// <summary>The actions the audit log records, named once.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string ApiKeyCreated = "api-key-created";
    public const string ApiKeyRevoked = "api-key-revoked";
    public const string IncidentAcknowledged = "incident-acknowledged";
    public const string ContactErased = "contact-erased";
    public const string FindingAcknowledged = "finding-acknowledged";
    public const string FindingIgnored = "finding-ignored";
}

/// <summary>
/// Writes the audit log. An audit failure is logged and never fails the action it records: an operator acknowledging
/// an incident during a database hiccup must not be turned away by the log of it.
/// </summary>
public sealed class AuditLog(IAuditStore store, TimeProvider time, ILogger<AuditLog> logger)
{
    public async Task RecordAsync(string actor, string action, string? target, string? detail, HttpContext? http,
        CancellationToken cancellationToken = default)
    {
        var entry = new AuditEntry(time.GetUtcNow(), actor, action, target, detail, http?.Connection.RemoteIpAddress?.ToString());
        try
        {
            await store.AppendAsync(entry, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not write the audit entry {Action} by {Actor} on {Target}", action, actor, target);
        }
    }

    /// <summary>The name the audit log gives the user of a request.</summary>
    public static string ActorOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "unknown" : "anonymous";
}
