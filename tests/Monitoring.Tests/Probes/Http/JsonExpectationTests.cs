using Monitoring.Probes.Http;

namespace Monitoring.Tests.Probes.Http;

/// <summary>Every JSON operator, holding and not, against one health answer; a failure says what was expected and what came.</summary>
public sealed class JsonExpectationTests
{
    private const string Health = """
        {
          "status": "UP",
          "version": "2026.11.3",
          "checkedAt": "2026-11-22T10:00:00Z",
          "db": { "latencyMs": 350, "ok": true, "replica": null },
          "items": [ { "sku": "GLV-NIT-100", "stock": 12 }, { "sku": "TAP-50", "stock": 0 } ],
          "tags": [ "b2b", "eu" ],
          "ratio": 0.5
        }
        """;

    public static TheoryData<string, string, string, string?> Cases => new()
    {
        { "$.status", "equals", "UP", null },
        { "$.status", "equals", "DOWN", "json $.status: expected 'DOWN', got 'UP'" },
        { "$.missing", "equals", "UP", "json $.missing: expected 'UP', got nothing (path not found)" },
        { "$.db.latencyMs", "equals", "350", null },
        { "$.db.latencyMs", "equals", "350.0", null },
        { "$.db.ok", "equals", "true", null },
        { "$.db.replica", "equals", "null", null },
        { "$.checkedAt", "equals", "2026-11-22T10:00:00Z", null },
        { "$.db", "equals", "x", """json $.db: expected 'x', got '{"latencyMs":350,"ok":true,"replica":null}'""" },
        { "$.status", "not_equals", "DOWN", null },
        { "$.missing", "not_equals", "DOWN", null },
        { "$.status", "not_equals", "UP", "json $.status: expected not 'UP', got 'UP'" },
        { "$.version", "contains", "2026", null },
        { "$.version", "contains", "2025", "json $.version: expected to contain '2025', got '2026.11.3'" },
        { "$.tags", "contains", "b2b", null },
        { "$.tags", "contains", "us", """json $.tags: expected to contain 'us', got '["b2b","eu"]'""" },
        { "$.db", "contains", "latencyMs", null },
        { "$.items[*].sku", "contains", "TAP-50", null },
        { "$.missing", "contains", "x", "json $.missing: expected to contain 'x', got nothing (path not found)" },
        { "$.db.replica", "exists", "true", null },
        { "$.db.primary", "exists", "true", "json $.db.primary: expected to exist, not found" },
        { "$.error", "exists", "false", null },
        { "$.status", "exists", "false", "json $.status: expected not to exist, got 'UP'" },
        { "$.db.latencyMs", "lt", "400", null },
        { "$.db.latencyMs", "lt", "200", "json $.db.latencyMs: expected < 200, got 350" },
        { "$.db.latencyMs", "lt", "350", "json $.db.latencyMs: expected < 350, got 350" },
        { "$.ratio", "lt", "0.75", null },
        { "$.db.latencyMs", "gt", "100", null },
        { "$.items[1].stock", "gt", "0", "json $.items[1].stock: expected > 0, got 0" },
        { "$.status", "gt", "0", "json $.status: expected > 0, got 'UP' (not a number)" },
        { "$.missing", "lt", "5", "json $.missing: expected < 5, got nothing (path not found)" },
        { "$.items.length()", "equals", "2", null },
        { "$.items.length()", "gt", "2", "json $.items.length(): expected > 2, got 2" },
        { "$.db.length()", "equals", "3", null },
        { "$.status.length()", "lt", "3", null },
        { "$.missing.length()", "gt", "0", "json $.missing.length(): expected > 0, got nothing (path not found)" },
        { "$.ratio.length()", "gt", "0", "json $.ratio.length(): length() needs a list, an object or a text, got '0.5'" },
        { "$.items[*].stock.length()", "equals", "2", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Checks_a_value_found_by_its_path(string path, string op, string expected, string? failure)
    {
        var root = JsonExpectation.Parse(Health, out _)!;

        Assert.Equal(failure, new JsonExpectation(path, op, expected).Check(root));
    }

    [Fact]
    public void Keeps_dates_as_the_texts_that_were_sent()
    {
        var root = JsonExpectation.Parse("""{ "at": "2026-11-22T10:00:00.000+01:00" }""", out _)!;

        Assert.Null(new JsonExpectation("$.at", "equals", "2026-11-22T10:00:00.000+01:00").Check(root));
    }

    [Fact]
    public void Says_why_a_body_is_not_json()
    {
        Assert.Null(JsonExpectation.Parse("<html>", out var problem));
        Assert.StartsWith("Unexpected character encountered while parsing value: <", problem);
    }
}
