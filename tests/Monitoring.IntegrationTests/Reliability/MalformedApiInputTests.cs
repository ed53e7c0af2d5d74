using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Monitoring.IntegrationTests.Access;
using Monitoring.Shop.Model;
using Monitoring.Storage;
using Monitoring.TestSupport;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Reliability;

/// <summary>
/// Malformed payloads to <c>POST /api/ingest/{entity}</c> for every entity of the model, and malformed query strings to
/// every <c>GET /api/*</c> endpoint, against the running service: never a 5xx, a refusal is a 4xx that says why, and
/// the good records of a mixed batch are stored.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MalformedApiInputTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Seed = 20261123;

    private static readonly string[] ApiGets =
        ["/api/probes", "/api/checks", "/api/checks/nope", "/api/incidents", "/api/imports", "/api/quarantine", "/api/kpis",
         "/api/kpis/churn", "/api/quality/scores", "/api/quality/findings", "/api/overview/ops", "/api/overview/managers",
         "/api/overview/catalogue", "/api/incidents/1", "/api/scenarios/nope", "/api/config/status", "/api/kpis/report",
         "/api/kpis/conversion_rate", "/api/quality/records/product/SKU-1", "/api/quality/digest"];

    private static readonly string[] Parameters =
        ["limit", "offset", "before", "days", "period", "segment", "source", "rule", "severity", "team", "status", "since", "until", "state",
         "week", "month"];

    private static readonly string[] BadValues =
        ["abc", "-1", "0", "-2147483649", "2147483648", "99999999999999999999", "1e9", "1.5", "", "%00", "%FF%FE", "null", "[]",
         "nope-nope", "2026-13-45", "P1Y", new string('z', 5000)];

    // Thousands of requests in a minute from one key: above the rate limit, which is not what is tried here.
    private static readonly Dictionary<string, string?> ManyRequests = new() { ["Monitoring:Access:ApiKeyPermitsPerMinute"] = "100000" };

    [Fact]
    public async Task Malformed_ingest_payloads_are_4xx_that_say_why_and_the_good_records_of_a_mixed_batch_are_stored()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync(ManyRequests);
        var client = host.Clients[AccessHost.IngestKey];
        var random = new Random(Seed);
        var failures = new List<string>();
        var cases = 0;

        foreach (var entity in ShopModel.Entities)
        {
            var good = JsonSerializer.Serialize(new[] { GoodRecord(entity, "fz-1"), GoodRecord(entity, "fz-2") });
            foreach (var (name, content) in Payloads(good, random))
            {
                cases++;
                // Expect: 100-continue lets the server refuse a body over the limit before the client sends it all
                // (otherwise the refusal arrives as a broken pipe while the client is still writing).
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ingest/{entity.Name}") { Content = content };
                request.Headers.ExpectContinue = true;
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500) failures.Add($"{entity.Name} {name}: {(int)response.StatusCode} {Shorten(body)}");
                else if ((int)response.StatusCode >= 400 && !body.Contains("error", StringComparison.OrdinalIgnoreCase))
                    failures.Add($"{entity.Name} {name}: {(int)response.StatusCode} without a message: '{Shorten(body)}'");
            }

            // A mixed batch: good records between records of every wrong shape; the good ones must be stored.
            cases++;
            var mixed = $"[{JsonSerializer.Serialize(GoodRecord(entity, "mix-1"))}, 42, \"text\", null, [1], {{}}, " +
                        $"{{\"{entity.Keys[0].Name}\": {{\"nested\": true}}}}, {JsonSerializer.Serialize(GoodRecord(entity, "mix-2"))}]";
            using var batch = await client.PostAsync($"/api/ingest/{entity.Name}", new StringContent(mixed, Encoding.UTF8, "application/json"));
            var answer = await batch.Content.ReadAsStringAsync();
            if (batch.StatusCode != HttpStatusCode.OK) failures.Add($"{entity.Name} mixed batch: {(int)batch.StatusCode} {Shorten(answer)}");
            else
            {
                using var json = JsonDocument.Parse(answer);
                var (read, rejected) = (json.RootElement.GetProperty("read").GetInt32(), json.RootElement.GetProperty("rejected").GetInt32());
                if ((read, rejected) != (8, 6)) failures.Add($"{entity.Name} mixed batch: read {read}, rejected {rejected}, expected 8 and 6: {Shorten(answer)}");
                var stored = await CountAsync(host, entity, "mix-");
                if (stored != 2) failures.Add($"{entity.Name} mixed batch: {stored} good records stored, expected 2");
            }
        }

        cases++;
        using (var unknown = await client.PostAsync("/api/ingest/unicorn", new StringContent("[{}]", Encoding.UTF8, "application/json")))
            if (unknown.StatusCode != HttpStatusCode.NotFound || !(await unknown.Content.ReadAsStringAsync()).Contains("not an entity"))
                failures.Add($"unknown entity: {(int)unknown.StatusCode}");

        output.WriteLine($"Ingest: {cases} malformed requests to {ShopModel.Entities.Count} entities, {failures.Count} failure(s)");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)));
    }

    [Fact]
    public async Task Malformed_query_strings_to_every_api_endpoint_are_never_a_5xx_and_a_refusal_says_why()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync(ManyRequests);
        var client = host.Clients[AccessHost.ReadKey];
        var failures = new List<string>();
        var cases = 0;

        foreach (var path in ApiGets)
        foreach (var parameter in Parameters)
        foreach (var value in BadValues)
        {
            cases++;
            var url = $"{path}?{parameter}={(value.StartsWith('%') ? value : Uri.EscapeDataString(value))}";
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status >= 500) failures.Add($"GET {Shorten(url)}: {status} {Shorten(body)}");
            else if (status >= 400 && status != 404 && !body.Contains("error", StringComparison.OrdinalIgnoreCase)
                     && !body.Contains("detail", StringComparison.OrdinalIgnoreCase))
                failures.Add($"GET {Shorten(url)}: {status} without a message: '{Shorten(body)}'");
        }

        output.WriteLine($"API: {cases} malformed query strings to {ApiGets.Length} endpoints, {failures.Count} failure(s)");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)));
    }

    [Fact]
    public async Task A_record_that_is_not_utf8_is_refused_alone_and_refusals_say_why()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        var ingest = host.Clients[AccessHost.IngestKey];
        // Found by the payloads above: reading such a record threw out of the endpoint, a 500 for the whole batch.
        byte[] body = [.. "[{\"sku\": \"U-1\"}, {\"sku\": \"Dupr"u8, 0xE9, .. "\"}, {\"sku\": \"U-2\"}]"u8];

        using var response = await ingest.PostAsync("/api/ingest/product", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((3, 1, 2), (answer.RootElement.GetProperty("read").GetInt32(), answer.RootElement.GetProperty("rejected").GetInt32(),
            answer.RootElement.GetProperty("inserted").GetInt32()));
        Assert.Contains("not valid UTF-8", answer.RootElement.GetProperty("rejections")[0].GetProperty("reason").GetString());

        using var unbound = await host.Clients[AccessHost.ReadKey].GetAsync("/api/imports?limit=abc");
        Assert.Equal(HttpStatusCode.BadRequest, unbound.StatusCode);
        using (var problem = JsonDocument.Parse(await unbound.Content.ReadAsStringAsync()))
            Assert.Equal("Failed to bind parameter \"Nullable<int> limit\" from \"abc\".", problem.RootElement.GetProperty("detail").GetString());

        using var huge = await ingest.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/ingest/product")
        {
            Content = new ByteArrayContent(new byte[(1 << 20) + 1]) { Headers = { ContentType = new("application/json") } },
            Headers = { ExpectContinue = true },
        });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("over the limit of 1048576 bytes", await huge.Content.ReadAsStringAsync());

        // Without a declared length (chunked), Kestrel's own limit stops the body while the endpoint reads it.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"[{{\"sku\": \"{new string('c', 2 << 20)}\"}}]")))
            { Headers = { ContentType = new("application/json") } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/product") { Content = chunked, Headers = { TransferEncodingChunked = true, ExpectContinue = true } };
        using var growing = await ingest.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, growing.StatusCode);
        Assert.Contains("the body could not be read", await growing.Content.ReadAsStringAsync());
    }

    private static IEnumerable<(string Name, HttpContent Content)> Payloads(string good, Random random)
    {
        static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");
        static HttpContent Bytes(byte[] bytes, string type = "application/json") =>
            new ByteArrayContent(bytes) { Headers = { ContentType = new(type) } };

        for (var i = 0; i < 3; i++)
        {
            var cut = random.Next(1, good.Length - 1);
            yield return ($"truncated at {cut}", Json(good[..cut]));
        }
        foreach (var shape in new[] { "{}", "\"text\"", "42", "null", "true", "[]", "{\"records\": {}}", "{\"records\": 5}", "[[]]", "" })
            yield return ($"body {shape}", Json(shape));
        yield return ("a 2 MiB body (over the 1 MiB limit)", Json($"[{{\"id\": \"{new string('h', 2 << 20)}\"}}]"));
        yield return ("a 900 KiB string", Json($"[{{\"id\": \"{new string('h', 900 << 10)}\"}}]"));
        yield return ("nested 200 deep", Json(new string('[', 200) + new string(']', 200)));
        yield return ("invalid UTF-8", Bytes([.. "[{\"id\": \""u8, 0xFF, 0xFE, 0xC3, 0x28, .. "\"}]"u8]));
        yield return ("windows-1252 text", Bytes(Encoding.Latin1.GetBytes("[{\"id\": \"Dupré\"}]")));
        yield return ("a UTF-16 body", Bytes(Encoding.Unicode.GetBytes(good)));
        yield return ("text/plain", Bytes(Encoding.UTF8.GetBytes(good), "text/plain"));
        yield return ("form content", new FormUrlEncodedContent([new("records", good)]));
        yield return ("xml", Bytes("<records><record id=\"1\"/></records>"u8.ToArray(), "application/xml"));
        foreach (var wrong in new[] { "{\"a\": 1}", "[1, 2]", "true", "1e400", "-0", "\"\\u0000\"", "12345678901234567890123456789" })
            yield return ($"each field {wrong}", Json(good.Replace("\"fz-1\"", wrong)));
    }

    private static object GoodRecord(ShopEntity entity, string suffix) =>
        entity.Keys.ToDictionary(k => k.Name, k => k.Type switch
        {
            ShopFieldType.Integer => (object)(suffix.EndsWith('1') ? 1 : 2),
            ShopFieldType.Decimal => suffix.EndsWith('1') ? 1.5m : 2.5m,
            ShopFieldType.Timestamp => suffix.EndsWith('1') ? "2026-11-20T09:30:00Z" : "2026-11-21T09:30:00Z",
            ShopFieldType.Date => suffix.EndsWith('1') ? "2026-11-20" : "2026-11-21",
            ShopFieldType.Boolean => suffix.EndsWith('1'),
            _ => $"{k.Name}-{suffix}",
        });

    private static async Task<long> CountAsync(AccessHost host, ShopEntity entity, string prefix)
    {
        var text = entity.Keys.First(k => k.Type == ShopFieldType.Text);
        await using var connection = await host.Monitor.App.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {entity.Table} WHERE {text.Name} LIKE @pattern",
            new { pattern = $"{text.Name}-{prefix}%" });
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
