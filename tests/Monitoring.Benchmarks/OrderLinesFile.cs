using System.Globalization;
using System.Text;

namespace Monitoring.Benchmarks;

/// <summary>
/// A generated ERP export of order lines: 11 columns, the shape of the baseline in PLATFORM.md (2M order lines),
/// deterministic so that every run imports the same bytes.
/// </summary>
public static class OrderLinesFile
{
    public const string Header = "invoice_no,line_no,sku,description,quantity,list_price,net_price,unit_cost,amount,currency,warehouse";

    /// <summary>The source declaration that maps the file into order_line (8 of its 11 columns).</summary>
    public static string SourceYaml(string path) => $"""
        sources:
          - id: bench-lines
            kind: csv
            files: {path}
            entities:
              order_line:
                order_id: invoice_no
                line_no: line_no
                sku: sku
                quantity: quantity
                list_price: list_price
                net_price: net_price
                unit_cost: unit_cost
                amount: amount
        """;

    public static void Write(string path, int rows)
    {
        var random = new Random(20261123);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine(Header);
        var line = new StringBuilder(160);
        var invoice = 100_000;
        var lineNo = 0;
        var linesInInvoice = 4;
        for (var i = 0; i < rows; i++)
        {
            if (lineNo == linesInInvoice)
            {
                invoice++;
                lineNo = 0;
                linesInInvoice = random.Next(1, 9);
            }
            lineNo++;
            var sku = random.Next(1, 5_000);
            var quantity = random.Next(1, 50);
            var listPrice = Math.Round(5m + sku % 400 * 1.37m, 2);
            var netPrice = Math.Round(listPrice * (1 - random.Next(0, 25) / 100m), 2);
            var cost = Math.Round(listPrice * 0.55m, 2);
            line.Clear()
                .Append("INV").Append(invoice).Append(',')
                .Append(lineNo).Append(',')
                .Append("SKU-").Append(sku.ToString("D5", CultureInfo.InvariantCulture)).Append(',')
                .Append("\"Article ").Append(sku).Append(", carton\"").Append(',')
                .Append(quantity).Append(',')
                .Append(listPrice.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(netPrice.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(cost.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append((netPrice * quantity).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append("EUR,").Append(sku % 3 == 0 ? "LYON" : "PARIS");
            writer.WriteLine(line);
        }
    }
}
