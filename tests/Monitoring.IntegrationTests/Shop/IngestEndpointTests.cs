using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.IntegrationTests.Access;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Shop;

/// <summary><c>POST /api/ingest/{entity}</c> on the running service, with a real ingest key.</summary>
[Collection(PostgresCollection.Name)]
public sealed class IngestEndpointTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Upserts_good_records_quarantines_bad_ones_and_says_why()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        var client = host.Clients[AccessHost.IngestKey];

        using var response = await client.PostAsJsonAsync("/api/ingest/order", new object[]
        {
            new { id = "W-1", account_id = "A1", placed_at = "2026-11-20T09:30:00+01:00", total_excl_vat = 120.5, status = "placed" },
            new { id = "W-2", account_id = "A2", placed_at = "2026-11-20T10:00:00Z", total_excl_vat = "80.00" },
            new { id = "W-3", placed_at = "yesterday" },
            new { account_id = "A3" },
            new { id = "W-4", colour = "red" },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, body.GetProperty("read").GetInt32());
        Assert.Equal(3, body.GetProperty("rejected").GetInt32());
        Assert.Equal(2, body.GetProperty("inserted").GetInt32());
        var reasons = body.GetProperty("rejections").EnumerateArray()
            .ToDictionary(r => r.GetProperty("record").GetInt32(), r => r.GetProperty("reason").GetString());
        Assert.Contains("placed_at", reasons[3]);
        Assert.Contains("id: required", reasons[4]);
        Assert.Contains("no field 'colour'", reasons[5]);

        var quarantine = await host.Clients[AccessHost.ReadKey].GetFromJsonAsync<JsonElement>("/api/quarantine?source=api");
        Assert.Equal(3, quarantine.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Sending_the_same_batch_again_changes_nothing()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        var client = host.Clients[AccessHost.IngestKey];
        var batch = new { records = new[] { new { sku = "SKU-1", name = "Drill", list_price = 89.9 }, new { sku = "SKU-2", name = "Saw", list_price = 120.0 } } };

        await client.PostAsJsonAsync("/api/ingest/product", batch);
        using var again = await client.PostAsJsonAsync("/api/ingest/product", batch);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((0, 0, 2), (body.GetProperty("inserted").GetInt32(), body.GetProperty("updated").GetInt32(), body.GetProperty("unchanged").GetInt32()));
    }

    [Theory]
    [InlineData("/api/ingest/order", "{not json", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("/api/ingest/order", "{\"rows\": []}", HttpStatusCode.BadRequest, "JSON array of records")]
    [InlineData("/api/ingest/order", "[]", HttpStatusCode.BadRequest, "no records")]
    [InlineData("/api/ingest/invoice", "[{}]", HttpStatusCode.NotFound, "known: account, contact")]
    public async Task Answers_a_bad_request_with_a_4xx_and_a_message(string path, string body, HttpStatusCode status, string message)
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();

        using var response = await host.Clients[AccessHost.IngestKey].PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Shows_imports_and_quarantined_rows_on_the_imports_page()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        await host.Clients[AccessHost.IngestKey].PostAsJsonAsync("/api/ingest/account", new object[]
        {
            new { id = "A1", name = "Acme" }, new { id = "A2", opened_at = "not a date" },
        });

        var page = await host.Clients[Monitoring.Access.Roles.Catalogue].GetStringAsync("/data/imports");

        Assert.Contains("data-table=\"runs\"", page);
        Assert.Contains("api/account/", page);
        Assert.Contains("opened_at: &quot;not a date&quot; is not an ISO 8601 timestamp", page);
    }
}
