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

    public static string Strip(string text)
    {
        // Plain text (the common case) skips the parser.
        if (text.IndexOf('<') < 0 && text.IndexOf('&') < 0) return Collapse(text);
        return SimpleMarkup(text) is { } simple ? Collapse(simple) : StripWithParser(text);
    }

    /// <summary>The length of <see cref="Strip"/>'s text, without building it (nor any string) for plain text and
    /// simple markup: the length rule measures every description of the catalogue.</summary>
    public static int VisibleLength(string text)
    {
        var counter = new CollapsedCounter();
        if (text.IndexOf('<') < 0 && text.IndexOf('&') < 0)
        {
            foreach (var c in text) counter.Text(c);
            return counter.Length;
        }
        return WalkSimpleMarkup(text, ref counter) ? counter.Length : StripWithParser(text).Length;
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
        var builder = new TextBuilder(new StringBuilder(text.Length + 8));
        return WalkSimpleMarkup(text, ref builder) ? builder.Visible.ToString() : null;
    }

    /// <summary>Gives <paramref name="sink"/> the text <see cref="SimpleMarkup"/> builds, character by character, with
    /// a break for each space it adds between top-level nodes; false (and a partial text) when the markup is not
    /// simple. Tags are told apart by their names in place and the open ones kept as small codes on the stack, so
    /// that reading a description allocates nothing.</summary>
    private static bool WalkSimpleMarkup<TSink>(string text, ref TSink sink) where TSink : struct, IVisibleSink
    {
        if (text.IndexOf('&') >= 0 || text.IndexOf('\0') >= 0) return false;
        // Deeper nesting than this is read by the parser (the same text, only slower).
        Span<Tag> open = stackalloc Tag[32];
        var depth = 0;
        var inTopText = false;
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c != '<')
            {
                sink.Text(c);
                inTopText = depth == 0;
                i++;
                continue;
            }
            if (inTopText) sink.Break(); // a top-level text node ends
            inTopText = false;
            var closing = i + 1 < text.Length && text[i + 1] == '/';
            var start = i + (closing ? 2 : 1);
            var end = start;
            while (end < text.Length && text[end] is >= 'a' and <= 'z' or >= '0' and <= '9') end++;
            if (end == start || end >= text.Length) return false;
            var name = TagOf(text.AsSpan(start, end - start));
            var close = end;
            while (close < text.Length && text[close] == ' ') close++;
            var selfClosing = !closing && name == Tag.Br && close < text.Length && text[close] == '/';
            if (selfClosing) close++;
            if (close >= text.Length || text[close] != '>') return false;
            i = close + 1;

            var parent = depth == 0 ? Tag.None : open[depth - 1];
            if (name == Tag.Br && !closing)
            {
                if (parent is Tag.Ul or Tag.Ol) return false;
                if (parent == Tag.None) sink.Break(); // an empty top-level node
                continue;
            }
            if (closing)
            {
                // An unknown name or <br> is never open.
                if (depth == 0 || parent != name || name is Tag.Other or Tag.Br) return false;
                depth--;
                if (depth == 0) sink.Break(); // a top-level element ends
                continue;
            }
            var allowed = name switch
            {
                Tag.P => parent == Tag.None,
                Tag.Ul or Tag.Ol => parent is Tag.None or Tag.Li,
                Tag.Li => parent is Tag.Ul or Tag.Ol,
                Tag.B or Tag.Strong or Tag.I or Tag.Em or Tag.Span => parent is not (Tag.Ul or Tag.Ol),
                _ => false,
            };
            if (!allowed || depth == open.Length) return false;
            open[depth++] = name;
        }
        return depth == 0;
    }

    /// <summary>The tags simple markup may hold; <see cref="Tag.Other"/> for any other name.</summary>
    private enum Tag : byte { None, Other, P, Ul, Ol, Li, B, Strong, I, Em, Span, Br }

    private static Tag TagOf(ReadOnlySpan<char> name) => name switch
    {
        "p" => Tag.P,
        "ul" => Tag.Ul,
        "ol" => Tag.Ol,
        "li" => Tag.Li,
        "b" => Tag.B,
        "strong" => Tag.Strong,
        "i" => Tag.I,
        "em" => Tag.Em,
        "span" => Tag.Span,
        "br" => Tag.Br,
        _ => Tag.Other,
    };

    /// <summary>What the walk over simple markup gives its text to.</summary>
    private interface IVisibleSink
    {
        void Text(char c);

        /// <summary>The space between two top-level nodes.</summary>
        void Break();
    }

    private readonly struct TextBuilder(StringBuilder visible) : IVisibleSink
    {
        public StringBuilder Visible => visible;

        public void Text(char c) => visible.Append(c);

        public void Break() => visible.Append(' ');
    }

    /// <summary>The length of <see cref="Collapse"/>'s result, counted as the text goes by: the words' characters and
    /// one space between two words.</summary>
    private struct CollapsedCounter : IVisibleSink
    {
        private int _characters;
        private int _words;
        private bool _inWord;

        public readonly int Length => _words == 0 ? 0 : _characters + _words - 1;

        public void Text(char c)
        {
            if (char.IsWhiteSpace(c))
            {
                _inWord = false;
                return;
            }
            if (!_inWord) _words++;
            _inWord = true;
            _characters++;
        }

        public void Break() => _inWord = false;
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
