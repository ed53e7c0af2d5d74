using System.Text;
using AngleSharp.Html.Parser;

namespace Monitoring.Quality.Validators;

/// <summary>
/// The visible text of an HTML fragment, for length rules: tags dropped, entities decoded, whitespace collapsed.
/// Uses AngleSharp's HTML5 parser rather than a regex, so that comments, <c>&lt;script&gt;</c> bodies, entities and
/// unclosed tags count the way a browser shows them. The simple markup a PIM exports (<c>&lt;p&gt;</c>, lists,
/// <c>&lt;b&gt;</c>… properly nested, no attribute or entity) is read without the parser, with the same result: a full
/// scan measures a million descriptions, and building a DOM for each was most of the length rule's time.
/// </summary>
public static class HtmlText
{
    // One parser per thread: the evaluator runs rules in parallel, and AngleSharp does not promise a shared parser is safe.
    private static readonly ThreadLocal<HtmlParser> Parsers = new(() => new HtmlParser());

    private static readonly HashSet<string> Lists = new(["ul", "ol"], StringComparer.Ordinal);
    private static readonly HashSet<string> Inline = new(["b", "strong", "i", "em", "span"], StringComparer.Ordinal);

    public static string Strip(string text)
    {
        // Plain text (the common case) skips the parser.
        if (text.IndexOf('<') < 0 && text.IndexOf('&') < 0) return Collapse(text);
        return SimpleMarkup(text) is { } simple ? Collapse(simple) : StripWithParser(text);
    }

    /// <summary>The length of <see cref="Strip"/>'s text, without building it for plain text and simple markup.</summary>
    public static int VisibleLength(string text)
    {
        if (text.IndexOf('<') < 0 && text.IndexOf('&') < 0) return CollapsedLength(text);
        return SimpleMarkup(text) is { } simple ? CollapsedLength(simple) : StripWithParser(text).Length;
    }

    /// <summary>The length of <see cref="Collapse"/>'s result: the words' characters and one space between two words.</summary>
    private static int CollapsedLength(string text)
    {
        int characters = 0, words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else
            {
                if (!inWord) words++;
                inWord = true;
                characters++;
            }
        }
        return words == 0 ? 0 : characters + words - 1;
    }

    /// <summary><see cref="Strip"/> through the HTML5 parser, whatever the markup.</summary>
    internal static string StripWithParser(string text)
    {
        var parser = Parsers.Value!;
        var document = parser.ParseDocument("<body></body>");
        var nodes = parser.ParseFragment(text, document.Body!);
        var visible = new StringBuilder();
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

    /// <summary>
    /// The text the parser would give, when the fragment is markup whose DOM is exactly as written: lower-case tags
    /// without attributes, each closed in order; <c>p</c>, <c>ul</c>, <c>ol</c> at the top or a list inside an item,
    /// <c>li</c> directly in a list, <c>b strong i em span</c> anywhere but around those blocks, and <c>br</c>. Then
    /// the HTML5 tree builder moves and closes nothing, and the visible text is every text in order with a space
    /// after each top-level node (as <see cref="Strip"/> joins them). No entity (<c>&amp;</c>) and no NUL, which the
    /// parser would rewrite. Null for anything else: the parser decides.
    /// </summary>
    internal static string? SimpleMarkup(string text)
    {
        if (text.IndexOf('&') >= 0 || text.IndexOf('\0') >= 0) return null;
        var visible = new StringBuilder(text.Length + 8);
        var open = new List<string>(4);
        var inTopText = false;
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c != '<')
            {
                visible.Append(c);
                inTopText = open.Count == 0;
                i++;
                continue;
            }
            if (inTopText) visible.Append(' '); // a top-level text node ends
            inTopText = false;
            var closing = i + 1 < text.Length && text[i + 1] == '/';
            var start = i + (closing ? 2 : 1);
            var end = start;
            while (end < text.Length && text[end] is >= 'a' and <= 'z' or >= '0' and <= '9') end++;
            if (end == start || end >= text.Length) return null;
            var name = text[start..end];
            var close = end;
            while (close < text.Length && text[close] == ' ') close++;
            var selfClosing = !closing && name == "br" && close < text.Length && text[close] == '/';
            if (selfClosing) close++;
            if (close >= text.Length || text[close] != '>') return null;
            i = close + 1;

            var parent = open.Count == 0 ? null : open[^1];
            if (name == "br" && !closing)
            {
                if (parent is not null && Lists.Contains(parent)) return null;
                if (parent is null) visible.Append(' '); // an empty top-level node
                continue;
            }
            if (closing)
            {
                if (parent != name) return null;
                open.RemoveAt(open.Count - 1);
                if (open.Count == 0) visible.Append(' '); // a top-level element ends
                continue;
            }
            var allowed = name switch
            {
                "p" => parent is null,
                "ul" or "ol" => parent is null or "li",
                "li" => parent is not null && Lists.Contains(parent),
                _ when Inline.Contains(name) => parent is null || !Lists.Contains(parent),
                _ => false,
            };
            if (!allowed) return null;
            open.Add(name);
        }
        return open.Count == 0 ? visible.ToString() : null;
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
