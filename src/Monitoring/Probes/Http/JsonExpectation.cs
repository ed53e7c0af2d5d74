using System.Globalization;
using Monitoring.Checks.Yaml;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Monitoring.Probes.Http;

/// <summary>
/// One condition on a value of a JSON body, found by a JSONPath (<c>$.db.status</c>, <c>$.items[0].sku</c>), like
/// <c>{ path: $.status, equals: UP }</c>. A path ending in <c>.length()</c> takes the number of items of a list, of
/// properties of an object or of characters of a text. A path matching several values (<c>$.items[*].sku</c>) stands
/// for the list of them.
/// </summary>
/// <param name="Path">The JSONPath as written, <c>.length()</c> included.</param>
/// <param name="Operator">One of <see cref="Operators"/>.</param>
/// <param name="Expected">The expected text; a number for <c>lt</c> and <c>gt</c>; true or false for <c>exists</c>.</param>
public sealed record JsonExpectation(string Path, string Operator, string Expected)
{
    public static IReadOnlyList<string> Operators { get; } = ["equals", "not_equals", "contains", "exists", "lt", "gt"];

    private const string LengthSuffix = ".length()";

    /// <summary>Checks the condition on a parsed body; null when it holds, otherwise what was expected and what came.</summary>
    public string? Check(JToken root)
    {
        var (value, problem) = Select(root);
        if (problem is not null) return $"json {Path}: {problem}";
        var holds = Operator switch
        {
            "equals" => value is not null && AreEqual(value, Expected),
            "not_equals" => value is null || !AreEqual(value, Expected),
            "contains" => value is not null && Contains(value, Expected),
            "exists" => (value is not null) == (Expected == "true"),
            "lt" => Number(value) is { } n && n < ToNumber(Expected),
            "gt" => Number(value) is { } n && n > ToNumber(Expected),
            _ => throw new InvalidOperationException($"unknown JSON operator '{Operator}'"),
        };
        return holds ? null : $"json {Path}: {Describe(value)}";
    }

    private string Describe(JToken? value)
    {
        var got = value is null ? "got nothing (path not found)" : $"got '{Shorten(Text(value))}'";
        return Operator switch
        {
            "equals" => $"expected '{Expected}', {got}",
            "not_equals" => $"expected not '{Expected}', {got}",
            "contains" => $"expected to contain '{Expected}', {got}",
            "exists" when Expected == "true" => "expected to exist, not found",
            "exists" => $"expected not to exist, {got}",
            _ when value is null => $"expected {Symbol} {Expected}, {got}",
            _ when Number(value) is null => $"expected {Symbol} {Expected}, {got} (not a number)",
            _ => $"expected {Symbol} {Expected}, got {Text(value)}",
        };
    }

    private string Symbol => Operator == "lt" ? "<" : ">";

    private (JToken? Value, string? Problem) Select(JToken root)
    {
        var counts = Path.EndsWith(LengthSuffix, StringComparison.Ordinal);
        var matches = root.SelectTokens(counts ? Path[..^LengthSuffix.Length] : Path).ToList();
        JToken? value = matches.Count switch { 0 => null, 1 => matches[0], _ => new JArray(matches) };
        if (!counts || value is null) return (value, null);
        return value switch
        {
            JArray list => (new JValue(list.Count), null),
            JObject map => (new JValue(map.Count), null),
            JValue { Type: JTokenType.String } text => (new JValue(((string)text!).Length), null),
            _ => (null, $"length() needs a list, an object or a text, got '{Shorten(Text(value))}'"),
        };
    }

    private static bool AreEqual(JToken value, string expected) =>
        Number(value) is { } number && double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var wanted)
            ? number == wanted
            : Text(value) == expected;

    private static bool Contains(JToken value, string expected) => value switch
    {
        JArray list => list.Any(item => AreEqual(item, expected)),
        JObject map => map.ContainsKey(expected),
        JValue { Type: JTokenType.String } text => ((string)text!).Contains(expected, StringComparison.Ordinal),
        _ => false,
    };

    private static double? Number(JToken? value) =>
        value is JValue { Type: JTokenType.Integer or JTokenType.Float } number
            ? Convert.ToDouble(number.Value, CultureInfo.InvariantCulture)
            : null;

    private static double ToNumber(string number) => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A value as a user would write it in YAML: texts bare, true/false in lower case, the rest as compact JSON.</summary>
    private static string Text(JToken value) => value.Type switch
    {
        JTokenType.String => (string)value!,
        JTokenType.Boolean => (bool)value ? "true" : "false",
        _ => value.ToString(Formatting.None),
    };

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";

    /// <summary>Parses a body as JSON; null with the reason when it is not JSON. Dates stay texts, as sent.</summary>
    public static JToken? Parse(string body, out string? problem)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            problem = null;
            return JToken.ReadFrom(reader);
        }
        catch (JsonReaderException e)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>Reads one item of <c>expect.json</c>: a path and one or more operators, each a separate expectation.</summary>
    public static IReadOnlyList<JsonExpectation> Read(ConfigNode item)
    {
        if (!item.ExpectMapping()) return [];
        var path = item.RequiredString("path");
        if (path is not null && !IsValidPath(path, out var problem))
        {
            item.Child("path")!.Error($"'{path}' is not a JSON path ({problem})");
            path = null;
        }

        var found = new List<JsonExpectation>();
        foreach (var op in Operators)
        {
            var expected = ReadOperand(item, op);
            if (expected is not null && path is not null) found.Add(new JsonExpectation(path, op, expected));
        }
        if (!Operators.Any(op => item.Child(op) is not null))
            item.Error($"no condition on the value (write one of {string.Join(", ", Operators)})");
        item.RejectUnknownKeys();
        return found;
    }

    private static string? ReadOperand(ConfigNode item, string op)
    {
        if (op == "exists") return item.Bool(op) is { } exists ? (exists ? "true" : "false") : null;
        var child = item.Child(op);
        var text = child?.Scalar();
        if (child is null || text is null || op is not ("lt" or "gt")) return text;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return text;
        child.Error($"'{text}' is not a number");
        return null;
    }

    private static bool IsValidPath(string path, out string? problem)
    {
        problem = null;
        var select = path.EndsWith(LengthSuffix, StringComparison.Ordinal) ? path[..^LengthSuffix.Length] : path;
        try
        {
            _ = new JObject().SelectTokens(select).ToList();
            return true;
        }
        catch (JsonException e)
        {
            problem = e.Message;
            return false;
        }
    }
}
