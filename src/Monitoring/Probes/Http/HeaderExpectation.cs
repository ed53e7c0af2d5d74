using Monitoring.Checks.Yaml;

namespace Monitoring.Probes.Http;

/// <summary>
/// One condition on a response header, from <c>expect.headers</c>: <c>Content-Type: { contains: json }</c>, or
/// <c>Cache-Control: no-store</c> meaning equals. Values are compared ignoring case, as header values mostly are
/// (media types, directives).
/// </summary>
/// <param name="Name">The header name, matched ignoring case.</param>
/// <param name="Operator">One of <see cref="Operators"/>.</param>
/// <param name="Expected">The expected text; true or false for <c>exists</c>.</param>
public sealed record HeaderExpectation(string Name, string Operator, string Expected)
{
    public static IReadOnlyList<string> Operators { get; } = ["equals", "contains", "exists"];

    /// <summary>Null when the condition holds, otherwise what was expected and what came.</summary>
    public string? Check(IReadOnlyDictionary<string, string> headers)
    {
        var value = headers.TryGetValue(Name, out var found) ? found : null;
        var holds = Operator switch
        {
            "equals" => string.Equals(value, Expected, StringComparison.OrdinalIgnoreCase),
            "contains" => value?.Contains(Expected, StringComparison.OrdinalIgnoreCase) == true,
            "exists" => (value is not null) == (Expected == "true"),
            _ => throw new InvalidOperationException($"unknown header operator '{Operator}'"),
        };
        if (holds) return null;
        var got = value is null ? "got nothing (header absent)" : $"got '{value}'";
        return $"header {Name}: " + Operator switch
        {
            "equals" => $"expected '{Expected}', {got}",
            "contains" => $"expected to contain '{Expected}', {got}",
            _ when Expected == "true" => "expected to be present, absent",
            _ => $"expected to be absent, {got}",
        };
    }

    /// <summary>Reads <c>expect.headers</c>: a mapping of header names to a value (equals) or to operators.</summary>
    public static IReadOnlyList<HeaderExpectation> ReadAll(ConfigNode expect)
    {
        var found = new List<HeaderExpectation>();
        foreach (var (name, node) in expect.Entries("headers"))
        {
            if (!node.IsMapping)
            {
                if (node.Scalar() is { } text) found.Add(new HeaderExpectation(name, "equals", text));
                continue;
            }
            foreach (var op in Operators)
            {
                var expected = op == "exists"
                    ? node.Bool(op) is { } exists ? (exists ? "true" : "false") : null
                    : node.String(op);
                if (expected is not null) found.Add(new HeaderExpectation(name, op, expected));
            }
            if (!Operators.Any(op => node.Child(op) is not null))
                node.Error($"no condition on the header (write a value, or one of {string.Join(", ", Operators)})");
            node.RejectUnknownKeys();
        }
        return found;
    }
}
