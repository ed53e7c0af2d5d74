using System.Net;
using System.Text;

namespace Monitoring.Alerting;

/// <summary>The small self-contained HTML page of the acknowledgement link: a message, the incident, and a form.</summary>
public static class AckPage
{
    public static IResult Render(int status, string title, string message, IReadOnlyList<(string Label, string Value)>? facts = null,
        (string Action, string Token)? form = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(E(title)).Append(" · shopmon</title>")
            .Append("<style>body{font-family:system-ui,Arial,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d2939}")
            .Append("th{text-align:left;padding:.25rem 1rem .25rem 0;color:#475467;vertical-align:top;white-space:nowrap}")
            .Append("td{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap}")
            .Append("button{font-size:1rem;padding:.6rem 1.2rem;background:#b42318;color:#fff;border:0;border-radius:4px;cursor:pointer}</style>")
            .Append("</head><body>");
        html.Append("<h1>").Append(E(title)).Append("</h1><p data-role=\"message\">").Append(E(message)).Append("</p>");
        if (facts is { Count: > 0 })
        {
            html.Append("<table>");
            foreach (var (label, value) in facts)
                html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");
            html.Append("</table>");
        }
        if (form is { } f)
            html.Append("<form method=\"post\" action=\"").Append(E(f.Action)).Append("\">")
                .Append("<input type=\"hidden\" name=\"token\" value=\"").Append(E(f.Token)).Append("\">")
                .Append("<p><button type=\"submit\">Acknowledge</button></p></form>");
        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
