using System.Net;
using System.Text;

namespace Monitoring.Alerting.Channels.Email;

/// <summary>
/// Renders <see cref="EmailFacts"/> as plain text and as HTML. Every value in the HTML is encoded: probe messages quote
/// what the shop answered, and that text must never become markup in someone's mail client. The HTML uses inline
/// styles and tables only, which is what mail clients reliably show.
/// </summary>
public static class EmailBodies
{
    public static string Text(EmailFacts facts)
    {
        var text = new StringBuilder();
        text.AppendLine(facts.Headline).AppendLine();
        var width = facts.Fields.Max(f => f.Label.Length) + 2;
        foreach (var (label, value) in facts.Fields)
            text.Append((label + ":").PadRight(width)).AppendLine(Indent(value, width));
        text.AppendLine();
        if (facts.AckUrl is { } ack)
            text.AppendLine("Acknowledge (stops reminders and escalation; opens a page with a button):").AppendLine("  " + ack);
        text.AppendLine("Check page:").AppendLine("  " + facts.CheckUrl);
        if (facts.AlsoOpen.Count > 0)
        {
            text.AppendLine().AppendLine("Also open right now:");
            foreach (var line in facts.AlsoOpen) text.AppendLine("  - " + line);
        }
        text.AppendLine().AppendLine("-- ");
        foreach (var line in facts.Footer) text.AppendLine(line);
        return text.ToString();
    }

    public static string Html(EmailFacts facts, string chartContentId)
    {
        var (color, word) = facts.Kind switch
        {
            NotificationKind.Trigger => ("#b42318", "DOWN"),
            NotificationKind.Reminder => ("#b54708", "REMINDER"),
            NotificationKind.Escalation => ("#9e1c6b", "ESCALATION"),
            _ => ("#067647", "RESOLVED"),
        };
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;color:#1d2939;\">");
        html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:680px;width:100%;\">");
        html.Append($"<tr><td style=\"padding:12px 16px;background:{color};color:#ffffff;font-size:18px;font-weight:bold;\">")
            .Append(E(word)).Append(" &middot; ").Append(E(facts.Headline)).Append("</td></tr>");
        html.Append("<tr><td style=\"padding:12px 0;\"><table role=\"presentation\" cellpadding=\"4\" cellspacing=\"0\" style=\"font-size:14px;\">");
        foreach (var (label, value) in facts.Fields)
            html.Append("<tr><th align=\"left\" valign=\"top\" style=\"padding-right:16px;white-space:nowrap;color:#475467;\">")
                .Append(E(label)).Append("</th><td style=\"font-family:Menlo,Consolas,monospace;white-space:pre-wrap;\">")
                .Append(E(value)).Append("</td></tr>");
        html.Append("</table></td></tr><tr><td style=\"padding:8px 0;\">");
        if (facts.AckUrl is { } ack) html.Append(Button(ack, "Acknowledge", color));
        html.Append(Button(facts.CheckUrl, "Open the check", "#344054"));
        html.Append("</td></tr>");
        html.Append("<tr><td style=\"padding:12px 0;\">")
            .Append($"<img src=\"cid:{E(chartContentId)}\" width=\"640\" height=\"240\" alt=\"{E(facts.ChartAlt)}\" style=\"max-width:100%;height:auto;border:1px solid #eaecf0;\">")
            .Append("</td></tr>");
        if (facts.AlsoOpen.Count > 0)
        {
            html.Append("<tr><td style=\"padding:8px 0;font-size:14px;\"><strong>Also open right now</strong><ul style=\"margin:4px 0;\">");
            foreach (var line in facts.AlsoOpen) html.Append("<li>").Append(E(line)).Append("</li>");
            html.Append("</ul></td></tr>");
        }
        html.Append("<tr><td style=\"padding-top:12px;border-top:1px solid #eaecf0;font-size:12px;color:#667085;\">");
        foreach (var line in facts.Footer) html.Append("<p style=\"margin:4px 0;\">").Append(E(line)).Append("</p>");
        html.Append("</td></tr></table></body></html>");
        return html.ToString();
    }

    private static string Button(string url, string label, string color) =>
        $"<a href=\"{E(url)}\" style=\"display:inline-block;margin:0 8px 8px 0;padding:10px 16px;background:{color};color:#ffffff;" +
        $"text-decoration:none;border-radius:4px;font-size:14px;\">{E(label)}</a>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Indent(string value, int width) =>
        value.Replace("\r\n", "\n").Replace("\n", "\n" + new string(' ', width));
}
