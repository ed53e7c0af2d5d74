using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Monitoring.Checks.Yaml;

namespace Monitoring.Probes.Http;

/// <summary>
/// What the body must hold, from <c>expect</c>: texts it must contain and must not contain (compared exactly, case
/// included), a regular expression it must match, and conditions on its JSON. They look at the first
/// <see cref="HttpBody.MaxKeptBytes"/> bytes of the body.
/// </summary>
public sealed class HttpBodyExpectations
{
    /// <summary>A regular expression gets this long on one body before the run fails, so that a pathological pattern
    /// cannot hold a worker.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private Regex? _regex;

    public static HttpBodyExpectations None { get; } = new();

    public IReadOnlyList<string> Contains { get; init; } = [];

    public IReadOnlyList<string> NotContains { get; init; } = [];

    /// <summary>A .NET regular expression the body must match somewhere; null for none.</summary>
    public string? Matches { get; init; }

    public IReadOnlyList<JsonExpectation> Json { get; init; } = [];

    [JsonIgnore]
    public bool IsEmpty => Contains.Count == 0 && NotContains.Count == 0 && Matches is null && Json.Count == 0;

    private Regex? Regex => Matches is null ? null : _regex ??= new Regex(Matches, RegexOptions.CultureInvariant, MatchTimeout);

    /// <summary>Every unmet expectation, in the order they are written above.</summary>
    public IEnumerable<HttpFinding> Check(HttpBody body)
    {
        foreach (var text in Contains.Where(t => !body.Text.Contains(t, StringComparison.Ordinal)))
            yield return Assertion($"body: expected to contain '{text}', not found ({body.Describe()})");
        foreach (var text in NotContains.Where(t => body.Text.Contains(t, StringComparison.Ordinal)))
            yield return Assertion($"body: expected not to contain '{text}', found ({body.Describe()})");
        if (Regex is { } regex && MatchFails(regex, body.Text) is { } problem)
            yield return Assertion($"body: expected to match '{Matches}', {problem} ({body.Describe()})");
        if (Json.Count == 0) yield break;

        var root = JsonExpectation.Parse(body.Text, out var notJson);
        if (root is null)
        {
            yield return Assertion($"json: expected a JSON body, could not parse it: {notJson} ({body.Describe()})");
            yield break;
        }
        foreach (var message in Json.Select(j => j.Check(root)).OfType<string>())
            yield return Assertion(message);
    }

    private static string? MatchFails(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text) ? null : "no match";
        }
        catch (RegexMatchTimeoutException)
        {
            return $"gave up after {Checks.Durations.Format(MatchTimeout)}";
        }
    }

    private static HttpFinding Assertion(string message) => new(message, FailureClass.Assertion);

    /// <summary>Reads <c>body_contains</c>, <c>body_not_contains</c>, <c>body_matches</c> and <c>json</c> from the
    /// <c>expect</c> mapping; an invalid regular expression or JSON path is a config error.</summary>
    public static HttpBodyExpectations Read(ConfigNode expect)
    {
        var matches = expect.String("body_matches");
        if (matches is not null && !IsValidRegex(matches, out var problem))
        {
            expect.Child("body_matches")!.Error($"'{matches}' is not a valid regular expression ({problem})");
            matches = null;
        }
        var json = expect.Child("json");
        IReadOnlyList<ConfigNode> jsonItems = json is null ? [] : json.IsMapping ? [json] : json.AsItems();
        return new HttpBodyExpectations
        {
            Contains = Texts(expect, "body_contains"),
            NotContains = Texts(expect, "body_not_contains"),
            Matches = matches is { Length: > 0 } ? matches : null,
            Json = jsonItems.SelectMany(JsonExpectation.Read).ToList(),
        };
    }

    private static List<string> Texts(ConfigNode expect, string key)
    {
        var texts = new List<string>();
        foreach (var item in expect.Items(key))
        {
            var text = item.Scalar();
            if (text is { Length: 0 }) item.Error("an empty text is in every body: write the text to look for");
            else if (text is not null) texts.Add(text);
        }
        return texts;
    }

    private static bool IsValidRegex(string pattern, out string? problem)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            problem = null;
            return true;
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
            return false;
        }
    }
}
