using System.Text.RegularExpressions;
using Monitoring.Checks.Yaml;
using Monitoring.Scenarios.Steps;

namespace Monitoring.Scenarios.Captures;

/// <summary><c>{ regex: 'order (\d+)', group: 1 }</c>: a group of the first match in the body; group 1 by default
/// when the pattern has one, else the whole match.</summary>
public sealed record RegexCapture(Regex Pattern, string Group) : ICapture
{
    public string? Take(StepAnswer answer, out string? problem)
    {
        try
        {
            var match = Pattern.Match(answer.Body);
            problem = match.Success ? null : $"regex '{Pattern}': no match";
            return match.Success ? match.Groups[Group].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            problem = $"regex '{Pattern}': gave up after 1s";
            return null;
        }
    }

    public static ICapture? Read(ConfigNode node)
    {
        var text = node.String("regex");
        var group = node.String("group");
        if (text is null) return null;
        Regex pattern;
        try
        {
            // Like the body assertions, a bound on the time one pathological pattern may hold a worker.
            pattern = new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            node.Child("regex")!.Error($"'{text}' is not a valid regular expression ({e.Message})");
            return null;
        }
        group ??= pattern.GetGroupNumbers().Length > 1 ? "1" : "0";
        if (!pattern.GetGroupNames().Contains(group))
        {
            node.Child("group")!.Error($"'{group}' is not a group of '{text}' (groups: {string.Join(", ", pattern.GetGroupNames())})");
            return null;
        }
        return new RegexCapture(pattern, group);
    }
}
