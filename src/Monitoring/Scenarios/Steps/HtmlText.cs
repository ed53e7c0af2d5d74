using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitoring.Scenarios.Steps;

/// <summary>Text of HTML as a reader sees it, for comparisons and excerpts: trimmed, runs of whitespace made one space.</summary>
public static partial class HtmlText
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string Of(IElement element) => Collapse(element.TextContent);

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Whether AngleSharp accepts the selector; a bad one is a config error, not a failed run.</summary>
    public static bool IsValidSelector(string selector, out string? problem)
    {
        try
        {
            _ = new HtmlParser().ParseDocument("<html></html>").QuerySelector(selector);
            problem = null;
            return true;
        }
        catch (DomException e)
        {
            problem = e.Message;
            return false;
        }
    }
}
