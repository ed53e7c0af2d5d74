using Monitoring.Probes;
using Monitoring.Probes.Http;

namespace Monitoring.Tests.Probes.Http;

public sealed class HttpBodyExpectationsTests
{
    private const string Page = "<h1>Nitrile gloves</h1><p>Price: 12.90 EUR</p><button>Add to cart</button>";

    public static TheoryData<string, HttpBodyExpectations, string, string[]> Cases => new()
    {
        { "nothing expected", HttpBodyExpectations.None, Page, [] },
        { "a text that is there", new() { Contains = ["Add to cart"] }, Page, [] },
        {
            "a text that is not there", new() { Contains = ["Add to cart", "In stock"] }, Page,
            ["body: expected to contain 'In stock', not found (body 74 bytes)"]
        },
        {
            "texts are compared with their case", new() { Contains = ["add to cart"] }, Page,
            ["body: expected to contain 'add to cart', not found (body 74 bytes)"]
        },
        { "a forbidden text that is absent", new() { NotContains = ["Exception"] }, Page, [] },
        {
            "a forbidden text that is there", new() { NotContains = ["Exception"] }, "NullReferenceException at Cart.Add",
            ["body: expected not to contain 'Exception', found (body 34 bytes)"]
        },
        { "a pattern that matches", new() { Matches = @"Price: \d+\.\d{2} EUR" }, Page, [] },
        {
            "a pattern that does not", new() { Matches = @"Price: \d+ USD" }, Page,
            [@"body: expected to match 'Price: \d+ USD', no match (body 74 bytes)"]
        },
        {
            "sizes are written with thousands separators", new() { Contains = ["needle"] }, new string('x', 5120),
            ["body: expected to contain 'needle', not found (body 5,120 bytes)"]
        },
        {
            "JSON conditions on a body that is not JSON", new() { Json = [new JsonExpectation("$.status", "equals", "UP")] }, Page,
            ["json: expected a JSON body, could not parse it: Unexpected character encountered while parsing value: <. Path '', line 0, position 0. (body 74 bytes)"]
        },
        {
            "JSON conditions, each reported", new()
            {
                Json = [new("$.status", "equals", "UP"), new("$.db.latencyMs", "lt", "200"), new("$.db.latencyMs", "gt", "0")],
            },
            """{ "status": "DOWN", "db": { "latencyMs": 350 } }""",
            ["json $.status: expected 'UP', got 'DOWN'", "json $.db.latencyMs: expected < 200, got 350"]
        },
        {
            "every kind at once, in order", new() { Contains = ["UP"], NotContains = ["DOWN"], Matches = "^OK", Json = [new("$", "exists", "true")] },
            "DOWN",
            [
                "body: expected to contain 'UP', not found (body 4 bytes)",
                "body: expected not to contain 'DOWN', found (body 4 bytes)",
                "body: expected to match '^OK', no match (body 4 bytes)",
                "json: expected a JSON body, could not parse it: Unexpected character encountered while parsing value: D. Path '', line 0, position 0. (body 4 bytes)",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Says_what_was_expected_and_what_came(string because, HttpBodyExpectations expectations, string body, string[] expected)
    {
        var findings = expectations.Check(HttpBody.Of(body)).ToList();

        Assert.True(expected.SequenceEqual(findings.Select(f => f.Message)),
            $"{because}: got [{string.Join(" | ", findings.Select(f => f.Message))}]");
        Assert.All(findings, f => Assert.Equal((FailureClass.Assertion, true), (f.Class, f.IsDown)));
    }

    [Fact]
    public void Says_when_only_the_start_of_a_long_body_was_checked()
    {
        var body = new HttpBody(new string('x', HttpBody.MaxKeptBytes), 3_000_000);

        var finding = Assert.Single(new HttpBodyExpectations { Contains = ["needle"] }.Check(body));

        Assert.Equal("body: expected to contain 'needle', not found (body 3,000,000 bytes, first 1,048,576 checked)", finding.Message);
    }

    [Fact]
    public async Task Reads_a_whole_body_but_keeps_only_its_start()
    {
        var bytes = new byte[HttpBody.MaxKeptBytes + 10_000];
        Array.Fill(bytes, (byte)'a');

        var body = await HttpBody.ReadAsync(new MemoryStream(bytes), "utf-8", CancellationToken.None);

        Assert.Equal((bytes.LongLength, HttpBody.MaxKeptBytes, true), (body.Length, body.Text.Length, body.Truncated));
    }

    [Fact]
    public async Task Decodes_with_the_charset_of_the_answer()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes("Größe: 10");

        var body = await HttpBody.ReadAsync(new MemoryStream(latin1), "iso-8859-1", CancellationToken.None);

        Assert.Equal("Größe: 10", body.Text);
    }
}
