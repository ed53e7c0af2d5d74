namespace Monitoring.Alerting;

/// <summary>The four messages of an incident's conversation, in the order they can happen.</summary>
public enum NotificationKind
{
    /// <summary>The first alert: the check is down.</summary>
    Trigger,

    /// <summary>Still down and nobody acknowledged it: sent every repeat interval.</summary>
    Reminder,

    /// <summary>Not acknowledged in time: the route's second list is told.</summary>
    Escalation,

    /// <summary>Up again: everyone who was told is told.</summary>
    Resolve,
}

/// <summary>Where an outbox row stands. Rows are never deleted: the outbox is also the notification log.</summary>
public enum NotificationStatus
{
    /// <summary>Waiting for its due time, for a retry, or for an earlier row to the same recipient.</summary>
    Pending,

    Sent,

    /// <summary>No longer worth sending (resolved within group_wait, acknowledged, resolved before a reminder went).</summary>
    Cancelled,
}

/// <summary>Lower-case names, as stored and as the <c>kind</c> label of <c>shopmon_notifications_total</c>.</summary>
public static class NotificationNames
{
    public static string Of(NotificationKind kind) => kind switch
    {
        NotificationKind.Trigger => "trigger",
        NotificationKind.Reminder => "reminder",
        NotificationKind.Escalation => "escalation",
        _ => "resolve",
    };

    public static NotificationKind ParseKind(string text) => text switch
    {
        "trigger" => NotificationKind.Trigger,
        "reminder" => NotificationKind.Reminder,
        "escalation" => NotificationKind.Escalation,
        "resolve" => NotificationKind.Resolve,
        _ => throw new FormatException($"'{text}' is not a notification kind"),
    };

    public static string Of(NotificationStatus status) => status.ToString().ToLowerInvariant();

    public static NotificationStatus ParseStatus(string text) => Enum.Parse<NotificationStatus>(text, ignoreCase: true);
}

/// <summary>What a message says: the subject, plain text and HTML bodies, and the chart the HTML shows inline.</summary>
public sealed record NotificationContent(string Subject, string TextBody, string HtmlBody, byte[]? Chart)
{
    /// <summary>The page where a browser scenario failed, attached as a PNG; null for every other alert.</summary>
    public byte[]? Screenshot { get; init; }
}

/// <summary>A notification to queue: one message to one recipient on one channel.</summary>
/// <param name="IncidentId">The incident it is about.</param>
/// <param name="CheckId">The incident's check, for logs and headers.</param>
/// <param name="Channel">The channel that sends it (<c>email</c>).</param>
/// <param name="Kind">Trigger, reminder, escalation or resolve.</param>
/// <param name="Key">De-duplication key within the incident and recipient: <c>trigger</c>, <c>reminder:3</c>,
/// <c>escalation</c>, <c>resolve</c>. A second row with the same key is never queued.</param>
/// <param name="Recipient">Who receives it, as written in alerts.yaml.</param>
/// <param name="Content">What it says.</param>
/// <param name="MessageId">The message's id (email Message-ID, without angle brackets).</param>
/// <param name="InReplyTo">The thread's first message, for every message after the trigger.</param>
/// <param name="DueAt">Not sent before this time (the trigger waits for group_wait).</param>
public sealed record NewNotification(
    long IncidentId,
    string CheckId,
    string Channel,
    NotificationKind Kind,
    string Key,
    string Recipient,
    NotificationContent Content,
    string MessageId,
    string? InReplyTo,
    DateTimeOffset DueAt);

/// <summary>A notification the planner decided on, before a channel writes it.</summary>
public sealed record PlannedNotification(NotificationKind Kind, string Key, string Recipient, DateTimeOffset DueAt);
