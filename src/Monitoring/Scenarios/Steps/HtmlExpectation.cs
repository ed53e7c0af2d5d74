using System.Globalization;
using Monitoring.Checks.Yaml;

namespace Monitoring.Scenarios.Steps;

/// <summary>
/// One condition on the HTML of an answer, from <c>expect.html</c>: an element matched by a CSS selector exists (or
/// not), its text equals or contains a value, or the selector matches a number of elements:
/// <c>{ css: 'h1', text: Payment }</c>, <c>{ css: '.cart-line', count: 2 }</c>, <c>{ css: '.error', exists: false }</c>.
/// Texts are compared trimmed, whitespace collapsed, case included.
/// </summary>
public sealed record HtmlExpectation(string Selector, string Operator, string Expected)
{
    public static IReadOnlyList<string> Operators { get; } = ["exists", "text", "contains", "count"];

    /// <summary>Null when it holds, otherwise what was expected and what came.</summary>
    public string? Check(StepAnswer answer)
    {
        var matches = answer.Html.QuerySelectorAll(Selector);
        var first = matches.Length == 0 ? null : HtmlText.Of(matches[0]);
        var got = first is null ? "no element matches" : $"got '{Shorten(first)}'";
        return Operator switch
        {
            "exists" when (matches.Length > 0) == (Expected == "true") => null,
            "exists" => Expected == "true" ? $"html '{Selector}': expected an element, none matches"
                : $"html '{Selector}': expected no element, found {matches.Length}",
            "text" when first == Expected => null,
            "text" => $"html '{Selector}': expected text '{Expected}', {got}",
            "contains" when first?.Contains(Expected, StringComparison.Ordinal) == true => null,
            "contains" => $"html '{Selector}': expected text containing '{Expected}', {got}",
            "count" when matches.Length.ToString(CultureInfo.InvariantCulture) == Expected => null,
            "count" => $"html '{Selector}': expected {Expected} element(s), found {matches.Length}",
            _ => throw new InvalidOperationException($"unknown HTML operator '{Operator}'"),
        };
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";

    /// <summary>Reads one item of <c>expect.html</c>: a selector and one or more operators, each a separate condition.</summary>
    public static IReadOnlyList<HtmlExpectation> Read(ConfigNode item)
    {
        if (!item.ExpectMapping()) return [];
        var selector = item.RequiredString("css");
        if (selector is not null && !HtmlText.IsValidSelector(selector, out var problem))
        {
            item.Child("css")!.Error($"'{selector}' is not a CSS selector ({problem})");
            selector = null;
        }
        var found = new List<HtmlExpectation>();
        foreach (var op in Operators)
        {
            var expected = op switch
            {
                "exists" => item.Bool(op) is { } exists ? (exists ? "true" : "false") : null,
                "count" => item.Int(op) is { } count ? count.ToString(CultureInfo.InvariantCulture) : null,
                _ => item.String(op),
            };
            if (expected is not null && selector is not null) found.Add(new HtmlExpectation(selector, op, expected));
        }
        // A bare selector means "exists": the most common check on a page.
        if (!Operators.Any(op => item.Child(op) is not null) && selector is not null)
            found.Add(new HtmlExpectation(selector, "exists", "true"));
        item.RejectUnknownKeys();
        return found;
    }
}
