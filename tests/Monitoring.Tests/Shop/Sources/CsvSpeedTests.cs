using System.Diagnostics;
using System.Globalization;
using System.Text;
using Monitoring.Shop.Sources;
using Xunit.Abstractions;

namespace Monitoring.Tests.Shop.Sources;

/// <summary>Prints how fast an 11-column order-line file is parsed and mapped on one core; it never fails on time.</summary>
public sealed class CsvSpeedTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 300_000;

    private readonly SourceFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Reads like the import does: rows are dropped once counted, not all kept in memory.</summary>
    private static async Task<int> CountGoodRowsAsync(SourceDefinition source, SourceContext context)
    {
        var good = 0;
        await foreach (var reader in source.OpenAsync(context, null, CancellationToken.None))
        {
            await using var _ = reader;
            while (await reader.ReadAsync(CancellationToken.None) is { } row)
                if (row.Rejection is null) good++;
        }
        return good;
    }

    [Fact]
    public async Task Reports_the_parse_and_map_rate_of_an_order_line_export()
    {
        _folder.WriteSources("""
            sources:
              - id: erp
                kind: csv
                files: data/lines.csv
                date_format: yyyy-MM-dd HH:mm:ss
                time_zone: Europe/Paris
                entities:
                  order:
                    id: order_id
                    account_id: account_id
                    placed_at: placed_at
                    currency: currency
                  order_line:
                    order_id: order_id
                    line_no: line_no
                    sku: sku
                    quantity: quantity
                    list_price: list_price
                    net_price: net_price
                    unit_cost: unit_cost
                    amount: amount
            """);
        var text = new StringBuilder("order_id,line_no,sku,quantity,list_price,net_price,unit_cost,amount,placed_at,account_id,currency\n");
        for (var i = 0; i < Rows; i++)
        {
            var price = (10 + i % 90) + 0.25m;
            text.Append(CultureInfo.InvariantCulture,
                $"SO-{i / 4:D8},{i % 4 + 1},SKU-{i % 5000:D5},{i % 7 + 1},{price},{price * 0.9m},{price * 0.6m},{(i % 7 + 1) * price * 0.9m},2024-03-{i % 28 + 1:D2} 10:{i % 60:D2}:00,C-{i % 800},EUR\n");
        }
        _folder.WriteData("data/lines.csv", text.ToString());

        var source = _folder.Source();
        var context = new SourceContext(new NullWatermarks(), TimeProvider.System, _folder.Root);
        await CountGoodRowsAsync(source, context); // warm-up: JIT and file cache
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var good = await CountGoodRowsAsync(source, context);
            watch.Stop();
            Assert.Equal(Rows, good);
            output.WriteLine($"{Rows:N0} rows in {watch.Elapsed.TotalMilliseconds:N0} ms: {Rows / watch.Elapsed.TotalSeconds:N0} rows/s");
        }
    }
}
