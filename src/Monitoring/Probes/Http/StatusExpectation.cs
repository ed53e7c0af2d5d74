using Monitoring.Checks.Yaml;

namespace Monitoring.Probes.Http;

/// <summary>An accepted HTTP status: an exact code (<c>200</c>) or a class (<c>2xx</c>).</summary>
public sealed record StatusExpectation(int Code, bool IsClass)
{
    public static StatusExpectation Exact(int code) => new(code, false);

    public static StatusExpectation Class(int hundreds) => new(hundreds, true);

    public bool Matches(int status) => IsClass ? status / 100 == Code : status == Code;

    public override string ToString() => IsClass ? $"{Code}xx" : Code.ToString();

    public static StatusExpectation? Read(ConfigNode node)
    {
        var text = node.Scalar()?.Trim().ToLowerInvariant();
        if (text is null) return null;
        if (text.Length == 3 && text.EndsWith("xx") && text[0] is >= '1' and <= '5')
            return Class(text[0] - '0');
        if (int.TryParse(text, out var code) && code is >= 100 and <= 599)
            return Exact(code);
        node.Error($"'{text}' is not an HTTP status (write a code from 100 to 599, or a class like 2xx)");
        return null;
    }
}
