using Monitoring.Probes;
using Monitoring.Probes.Http;

namespace Monitoring.IntegrationTests.Probes.Http;

/// <summary>Body, JSON, header and latency expectations against a real server: what passes, what fails, what it says.</summary>
public sealed class HttpProbeAssertionTests : IAsyncLifetime
{
    private const string ProductPage = "<h1>Nitrile gloves</h1><p>Price: 12.90 EUR</p><button>Add to cart</button>";

    private HttpTarget _target = null!;

    public async Task InitializeAsync() => _target = await HttpTarget.StartAsync(app =>
    {
        app.MapGet("/product", () => Results.Content(ProductPage, "text/html"));
        app.MapGet("/health", (HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-store";
            return Results.Json(new { status = "DOWN", db = new { latencyMs = 350 }, items = new[] { "GLV-NIT-100", "TAP-50" } });
        });
        app.MapGet("/big", () => Results.Text(new string('x', 2 * HttpBody.MaxKeptBytes) + "needle"));
        app.MapGet("/sleep/{ms:int}", async (int ms) => { await Task.Delay(ms); return "late"; });
    });

    public async Task DisposeAsync() => await _target.DisposeAsync();

    private HttpProbeSettings Settings(string path, HttpBodyExpectations? body = null) =>
        new() { Url = _target.At(path), Body = body ?? HttpBodyExpectations.None };

    [Fact]
    public async Task Passes_when_the_body_has_what_it_must_and_lacks_what_it_must_not()
    {
        var result = await _target.RunAsync(Settings("/product",
            new() { Contains = ["Add to cart"], NotContains = ["Exception"], Matches = @"Price: \d+\.\d{2} EUR" }));

        Assert.Equal((ProbeOutcome.Pass, FailureClass.None), (result.Outcome, result.Failure));
    }

    [Fact]
    public async Task Fails_when_the_body_lacks_a_text_or_holds_a_forbidden_one_or_does_not_match()
    {
        var result = await _target.RunAsync(Settings("/product",
            new() { Contains = ["In stock"], NotContains = ["Price"], Matches = "USD" }));

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Assertion, 200), (result.Outcome, result.Failure, result.StatusCode));
        Assert.Equal(
            "body: expected to contain 'In stock', not found (body 74 bytes); " +
            "body: expected not to contain 'Price', found (body 74 bytes); " +
            "body: expected to match 'USD', no match (body 74 bytes)",
            result.Message);
    }

    [Fact]
    public async Task Checks_only_the_first_mebibyte_of_a_long_body()
    {
        var result = await _target.RunAsync(Settings("/big", new() { Contains = ["needle"] }));

        Assert.Equal(ProbeOutcome.Fail, result.Outcome);
        Assert.Equal("body: expected to contain 'needle', not found (body 2,097,158 bytes, first 1,048,576 checked)", result.Message);
    }

    public static TheoryData<string, string, string, string?> JsonCases => new()
    {
        { "$.status", "equals", "DOWN", null },
        { "$.status", "equals", "UP", "json $.status: expected 'UP', got 'DOWN'" },
        { "$.status", "not_equals", "UP", null },
        { "$.status", "not_equals", "DOWN", "json $.status: expected not 'DOWN', got 'DOWN'" },
        { "$.items", "contains", "TAP-50", null },
        { "$.items", "contains", "PEN-1", """json $.items: expected to contain 'PEN-1', got '["GLV-NIT-100","TAP-50"]'""" },
        { "$.db.latencyMs", "exists", "true", null },
        { "$.db.error", "exists", "true", "json $.db.error: expected to exist, not found" },
        { "$.db.latencyMs", "lt", "400", null },
        { "$.db.latencyMs", "lt", "200", "json $.db.latencyMs: expected < 200, got 350" },
        { "$.items.length()", "gt", "1", null },
        { "$.items.length()", "gt", "2", "json $.items.length(): expected > 2, got 2" },
    };

    [Theory]
    [MemberData(nameof(JsonCases))]
    public async Task Checks_a_json_value_by_its_path(string path, string op, string expected, string? failure)
    {
        var result = await _target.RunAsync(Settings("/health", new() { Json = [new JsonExpectation(path, op, expected)] }));

        Assert.Equal(failure is null ? ProbeOutcome.Pass : ProbeOutcome.Fail, result.Outcome);
        Assert.Equal(failure is null ? FailureClass.None : FailureClass.Assertion, result.Failure);
        if (failure is not null) Assert.Equal(failure, result.Message);
    }

    [Fact]
    public async Task Fails_json_conditions_on_a_page_that_is_not_json()
    {
        var result = await _target.RunAsync(Settings("/product", new() { Json = [new JsonExpectation("$.status", "equals", "UP")] }));

        Assert.Equal(FailureClass.Assertion, result.Failure);
        Assert.StartsWith("json: expected a JSON body, could not parse it: Unexpected character", result.Message);
    }

    [Fact]
    public async Task Checks_response_headers()
    {
        var passing = await _target.RunAsync(new HttpProbeSettings
        {
            Url = _target.At("/health"),
            ExpectedHeaders = [new("Content-Type", "contains", "json"), new("Cache-Control", "equals", "no-store")],
        });
        var failing = await _target.RunAsync(new HttpProbeSettings
        {
            Url = _target.At("/product"),
            ExpectedHeaders = [new("Content-Type", "contains", "json"), new("Cache-Control", "equals", "no-store")],
        });

        Assert.Equal(ProbeOutcome.Pass, passing.Outcome);
        Assert.Equal((ProbeOutcome.Fail, FailureClass.Assertion), (failing.Outcome, failing.Failure));
        Assert.Equal("header Content-Type: expected to contain 'json', got 'text/html'; " +
            "header Cache-Control: expected 'no-store', got nothing (header absent)", failing.Message);
    }

    [Fact]
    public async Task Is_degraded_past_the_degraded_threshold_and_fails_past_the_down_threshold()
    {
        // Sleeps only ever make answers slower, so the margins are one-sided: 400 ms stays far under 3 s even on a busy
        // machine, and 3.2 s is always over it.
        var latency = new LatencyExpectation(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(3));

        var degraded = await _target.RunAsync(new HttpProbeSettings { Url = _target.At("/sleep/400"), Latency = latency });
        var down = await _target.RunAsync(new HttpProbeSettings { Url = _target.At("/sleep/3200"), Latency = latency }, TimeSpan.FromSeconds(20));

        Assert.Equal((ProbeOutcome.Degraded, FailureClass.Latency, 200), (degraded.Outcome, degraded.Failure, degraded.StatusCode));
        // A busy machine can make the 400 ms answer take over a second, which the message writes in seconds.
        Assert.Matches(@"^latency: [\d.]+m?s is over the degraded threshold 200ms$", degraded.Message);
        Assert.True(degraded.IsUp);
        Assert.Equal((ProbeOutcome.Fail, FailureClass.Latency), (down.Outcome, down.Failure));
        Assert.Matches(@"^latency: expected at most 3s, took [\d.]+s$", down.Message);
    }
}
