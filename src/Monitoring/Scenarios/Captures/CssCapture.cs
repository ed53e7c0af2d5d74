using AngleSharp.Dom;
using Monitoring.Checks.Yaml;
using Monitoring.Scenarios.Steps;

namespace Monitoring.Scenarios.Captures;

/// <summary><c>{ css: 'input[name=__RequestVerificationToken]', attribute: value }</c>: an attribute of the first
/// element the selector matches, or its text (trimmed, whitespace collapsed) without <c>attribute</c>.</summary>
public sealed record CssCapture(string Selector, string? Attribute) : ICapture
{
    public string? Take(StepAnswer answer, out string? problem)
    {
        var element = answer.Html.QuerySelector(Selector);
        if (element is null)
        {
            problem = $"css '{Selector}': no element matches";
            return null;
        }
        var value = Attribute is null ? HtmlText.Of(element) : element.GetAttribute(Attribute);
        problem = value is null ? $"css '{Selector}': the element has no attribute '{Attribute}'" : null;
        return value;
    }

    public static ICapture? Read(ConfigNode node)
    {
        var selector = node.String("css");
        var attribute = node.String("attribute");
        if (selector is null) return null;
        if (HtmlText.IsValidSelector(selector, out var problem)) return new CssCapture(selector, attribute);
        node.Child("css")!.Error($"'{selector}' is not a CSS selector ({problem})");
        return null;
    }
}
