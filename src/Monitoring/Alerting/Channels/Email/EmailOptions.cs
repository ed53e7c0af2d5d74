using MailKit.Security;
using MimeKit;

namespace Monitoring.Alerting.Channels.Email;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpTlsMode
{
    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,

    /// <summary>Plain text: only for a relay on the same machine or network.</summary>
    None,

    /// <summary>STARTTLS, required: refuse to send if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// The SMTP server and sender of email alerts, bound from the <c>Monitoring:Alerting</c> section (<c>SmtpHost</c>,
/// <c>SmtpPort</c> …). Email alerts are off while <see cref="SmtpHost"/> is empty. The password is a secret: this class
/// never prints it, and MailKit's errors, which the outbox records, do not contain it.
/// </summary>
public sealed class EmailOptions
{
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }

    public SmtpTlsMode SmtpTls { get; set; } = SmtpTlsMode.Auto;

    /// <summary>How long one SMTP command may take before the attempt counts as failed.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The sender: <c>shopmon@example.com</c> or <c>shopmon &lt;shopmon@example.com&gt;</c>. Its domain also
    /// ends the Message-IDs.</summary>
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SmtpHost);

    public MailboxAddress Sender => MailboxAddress.Parse(From!);

    public SecureSocketOptions SocketOptions => SmtpTls switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    /// <summary>Every problem with these settings; empty when email alerts are off or correctly set.</summary>
    public IReadOnlyList<string> Validate()
    {
        if (!IsConfigured) return [];
        var problems = new List<string>();
        if (SmtpPort is < 1 or > 65535) problems.Add($"SmtpPort {SmtpPort} is not a port (1 to 65535)");
        if (string.IsNullOrWhiteSpace(From))
            problems.Add("From is required when SmtpHost is set (write e.g. \"shopmon <shopmon@example.com>\")");
        else if (!AlertRoutes.TryParseRecipient(From, out _))
            problems.Add($"From '{From}' is not an email address (write e.g. \"shopmon <shopmon@example.com>\")");
        if (!string.IsNullOrEmpty(SmtpPassword) && string.IsNullOrEmpty(SmtpUsername))
            problems.Add("SmtpPassword is set but SmtpUsername is empty");
        if (SmtpTimeout <= TimeSpan.Zero) problems.Add("SmtpTimeout must be positive");
        return problems;
    }

    /// <summary>Where mail goes, for logs and errors: never the credentials.</summary>
    public override string ToString() => $"{SmtpHost}:{SmtpPort} ({SmtpTls})";
}
