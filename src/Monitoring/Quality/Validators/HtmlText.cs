using AngleSharp.Html.Parser;

namespace Monitoring.Quality.Validators;

/// <summary>
/// The visible text of an HTML fragment, for length rules: tags dropped, entities decoded, whitespace collapsed.
/// Uses AngleSharp's HTML5 parser rather than a regex, so that comments, <c>&lt;script&gt;</c> bodies, entities and
/// unclosed tags count the way a browser shows them.
/// </summary>
public static class HtmlText
{
    // One parser per thread: the evaluator runs rules in parallel, and AngleSharp does not promise a shared parser is safe.
    private static readonly ThreadLocal<HtmlParser> Parsers = new(() => new HtmlParser());

    public static string Strip(string text)
    {
        // Plain text (the common case) skips the parser.
        if (text.IndexOf('<') < 0 && text.IndexOf('&') < 0) return Collapse(text);
        var parser = Parsers.Value!;
        var document = parser.ParseDocument("<body></body>");
        var nodes = parser.ParseFragment(text, document.Body!);
        var visible = new System.Text.StringBuilder();
        foreach (var node in nodes)
        {
            if (node is AngleSharp.Dom.IElement element)
            {
                if (element.LocalName is "script" or "style") continue;
                foreach (var hidden in element.QuerySelectorAll("script, style").ToList()) hidden.Remove();
            }
            visible.Append(node.TextContent).Append(' ');
        }
        return Collapse(visible.ToString());
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
