using Monitoring.Probes.Http;

namespace Monitoring.Tests.Probes.Http;

public sealed class HeaderExpectationTests
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = "text/html; charset=utf-8",
        ["Cache-Control"] = "no-store",
    };

    public static TheoryData<string, string, string, string?> Cases => new()
    {
        { "Content-Type", "contains", "html", null },
        { "content-type", "contains", "HTML", null },
        { "Content-Type", "contains", "json", "header Content-Type: expected to contain 'json', got 'text/html; charset=utf-8'" },
        { "Cache-Control", "equals", "no-store", null },
        { "Cache-Control", "equals", "NO-STORE", null },
        { "Cache-Control", "equals", "public", "header Cache-Control: expected 'public', got 'no-store'" },
        { "ETag", "equals", "\"v1\"", "header ETag: expected '\"v1\"', got nothing (header absent)" },
        { "ETag", "contains", "v1", "header ETag: expected to contain 'v1', got nothing (header absent)" },
        { "Cache-Control", "exists", "true", null },
        { "ETag", "exists", "true", "header ETag: expected to be present, absent" },
        { "X-Debug", "exists", "false", null },
        { "Cache-Control", "exists", "false", "header Cache-Control: expected to be absent, got 'no-store'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Checks_a_header_ignoring_case(string name, string op, string expected, string? failure)
    {
        Assert.Equal(failure, new HeaderExpectation(name, op, expected).Check(Headers));
    }
}
