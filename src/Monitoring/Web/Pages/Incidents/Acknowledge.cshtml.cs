using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Access;
using Monitoring.Storage;

namespace Monitoring.Web.Pages.Incidents;

/// <summary>
/// Acknowledging an incident from its check's page (ops, admin, by the /Incidents folder's policy): it stops the
/// reminders and the escalation, as the email link does, and is audited. The form carries an anti-forgery token.
/// </summary>
public sealed class AcknowledgeModel(IIncidentStore incidents, AuditLog audit, TimeProvider time, ILogger<AcknowledgeModel> logger) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await incidents.GetIncidentAsync(id, ct) is { } incident ? Redirect($"/checks/{Uri.EscapeDataString(incident.CheckId)}") : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await incidents.GetIncidentAsync(id, ct) is not { } incident) return NotFound();
        var who = AuditLog.ActorOf(User);
        if (incident.IsOpen && incident.AcknowledgedAt is null && await incidents.AcknowledgeAsync(id, who, time.GetUtcNow(), ct))
        {
            logger.LogInformation("Incident {Incident} ({Check}) acknowledged by {Who} from its page", id, incident.CheckId, who);
            await audit.RecordAsync(who, AuditActions.IncidentAcknowledged, $"incident #{id} ({incident.CheckId})", "check page", HttpContext, ct);
        }
        return Redirect($"/checks/{Uri.EscapeDataString(incident.CheckId)}#incident-{id}");
    }
}
