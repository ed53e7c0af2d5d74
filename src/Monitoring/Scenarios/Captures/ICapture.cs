using Monitoring.Checks.Yaml;
using Monitoring.Scenarios.Steps;

namespace Monitoring.Scenarios.Captures;

/// <summary>One way of taking a value out of a step's answer (a JSON path, a regex group, a CSS selector …).</summary>
public interface ICapture
{
    /// <summary>The value, or null with <paramref name="problem"/> saying what was looked for and what was found.</summary>
    string? Take(StepAnswer answer, out string? problem);

    /// <summary>Values of this kind are credentials whatever the YAML says (a session cookie).</summary>
    bool AlwaysSecret => false;
}

/// <summary>A named capture of a step: <c>capture: { cart_id: { json: $.id } }</c>.</summary>
/// <param name="Name">The variable it sets, for <c>{{name}}</c> in later steps.</param>
/// <param name="From">How the value is taken.</param>
/// <param name="Secret">The value is redacted wherever results are shown.</param>
public sealed record CaptureSpec(string Name, ICapture From, bool Secret)
{
    /// <summary>The capture kinds: the key that names each in YAML and how it reads itself. Adding a kind is one file
    /// and one line here.</summary>
    private static readonly (string Key, Func<ConfigNode, ICapture?> Read)[] Kinds =
    [
        ("json", JsonCapture.Read),
        ("regex", RegexCapture.Read),
        ("css", CssCapture.Read),
        ("header", HeaderCapture.Read),
        ("cookie", CookieCapture.Read),
    ];

    public bool IsSecret => Secret || From.AlwaysSecret || Redactor.IsSecretName(Name);

    /// <summary>Reads <c>capture:</c>, a mapping of variable names to exactly one kind key each.</summary>
    public static IReadOnlyList<CaptureSpec> ReadAll(ConfigNode step)
    {
        var found = new List<CaptureSpec>();
        foreach (var (name, node) in step.Entries("capture"))
        {
            if (!Template.IsName(name))
                node.Error($"'{name}' is not a variable name (letters, digits and '_', not starting with a digit)");
            if (!node.ExpectMapping()) continue;
            var secret = node.Bool("secret") ?? false;
            var present = Kinds.Where(k => node.Child(k.Key) is not null).ToList();
            if (present.Count != 1)
            {
                node.Error(present.Count == 0
                    ? $"say where the value comes from: one of {string.Join(", ", Kinds.Select(k => k.Key))}"
                    : $"one source per capture, found {string.Join(" and ", present.Select(k => k.Key))}");
                node.RejectUnknownKeys();
                continue;
            }
            var from = present[0].Read(node);
            node.RejectUnknownKeys();
            if (from is not null) found.Add(new CaptureSpec(name, from, secret));
        }
        return found;
    }
}
