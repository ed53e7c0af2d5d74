namespace Monitoring.Mail;

/// <summary>A picture the HTML body shows inline as <c>&lt;img src="cid:{ContentId}"&gt;</c> (a ScottPlot PNG).</summary>
public sealed record MailImage(string ContentId, byte[] Png, string FileName = "chart.png");

/// <summary>
/// A report-style email (the weekly KPI report, the monthly pack, a KPI anomaly alert, a team's data-quality digest):
/// one message to one recipient, queued in the mail outbox and sent by <c>system:mail-dispatch</c> with retries.
/// Unlike incident alerts these have no thread and no acknowledgement link.
/// </summary>
/// <param name="Kind">What it is, for logs, headers and the outbox page: <c>weekly-report</c>, <c>monthly-pack</c>,
/// <c>kpi-anomaly</c>, <c>quality-digest</c>.</param>
/// <param name="Key">Idempotency key within the kind and recipient, such as <c>2026-W47</c> or
/// <c>conversion_rate:day:2026-11-20</c>: a second message with the same kind, key and recipient is never queued, so
/// a job that runs twice (a restart, two instances) sends once.</param>
/// <param name="Recipient">An address as written in alerts.yaml (<c>Name &lt;a@b&gt;</c> or <c>a@b</c>).</param>
/// <param name="Subject">The subject line.</param>
/// <param name="TextBody">The plain-text alternative; it must say everything the HTML says, in words.</param>
/// <param name="HtmlBody">The HTML body; inline pictures are referenced as <c>cid:</c> + their content id.</param>
/// <param name="Images">The inline pictures, in the order the HTML shows them.</param>
public sealed record MailMessage(
    string Kind,
    string Key,
    string Recipient,
    string Subject,
    string TextBody,
    string HtmlBody,
    IReadOnlyList<MailImage> Images);

/// <summary>Where a queued message stands (rows are kept: the outbox is also the log of what was sent).</summary>
public sealed record MailOutboxEntry(
    long Id,
    string Kind,
    string Key,
    string Recipient,
    string Subject,
    string Status,
    DateTimeOffset DueAt,
    DateTimeOffset? SentAt,
    int Attempts,
    string? LastError);
