using Monitoring.Access;

namespace Monitoring.Shop.Privacy;

/// <summary>
/// Erases a person on request and records that it was done. The audit entry says what was removed, never the address:
/// an erasure log that kept the e-mail would keep what it erased.
/// </summary>
public sealed class ContactEraser(IContactErasure erasure, AuditLog audit)
{
    public async Task<(ErasureResult? Result, string? Problem)> EraseAsync(string? email, string actor, HttpContext? http,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@') || email.Trim().Length > 320)
            return (null, "Give the person's e-mail address.");
        var result = await erasure.EraseAsync(email, cancellationToken);
        await audit.RecordAsync(actor, AuditActions.ContactErased, null, result.ToString(), http, cancellationToken);
        return (result, null);
    }
}
