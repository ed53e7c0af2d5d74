using System.Text;
using Monitoring.Shop.Model;

namespace Monitoring.Tests.Shop.Sources;

/// <summary>One flat ERP invoice-line export (semicolons, windows-1252, decimal commas) mapped into five entities.</summary>
public sealed class ErpExportTests : IDisposable
{
    /// <summary>The example of the documentation: keep the two in step.</summary>
    public const string ErpSource = """
        sources:
          - id: erp
            kind: csv
            files: data/exports/invoice-lines-*.csv
            schedule: 15m
            delimiter: ";"
            encoding: windows-1252
            decimal_separator: ","
            thousands_separator: " "
            date_format: dd/MM/yyyy HH:mm
            time_zone: Europe/Paris
            entities:
              account:
                id: Customer
                name: "[Customer Name]"
                country: upper(Country)
              product:
                sku: Item
                name: "[Item Description]"
              order:
                id: "[Invoice No]"
                account_id: Customer
                placed_at: "[Invoice Date]"
                channel: "'erp'"
                currency: coalesce(Currency, 'EUR')
              order_line:
                when: Quantity > 0
                order_id: "[Invoice No]"
                line_no: "[Line]"
                sku: Item
                quantity: Quantity
                net_price: "[Unit Price]"
                amount: round(Quantity * [Unit Price] * (1 - coalesce([Discount %], 0) / 100), 2)
              return:
                when: Quantity < 0
                id: concat([Invoice No], '-', [Line])
                order_id: coalesce([Credited Invoice], [Invoice No])
                sku: Item
                quantity: abs(Quantity)
                reason: lower(trim([Return Reason]))
                refund_amount: abs(Quantity * [Unit Price])
                returned_at: "[Invoice Date]"
        """;

    private const string Export = """
        Invoice No;Invoice Date;Customer;Customer Name;Country;Line;Item;Item Description;Quantity;Unit Price;Discount %;Currency;Credited Invoice;Return Reason
        F-1001;05/03/2024 14:00;C-1;Société Générale d'Équipement;fr;1;SKU-1;"Vis à bois; 4x40";10;1 234,50;10;;;
        F-1001;05/03/2024 14:00;C-1;Société Générale d'Équipement;fr;2;SKU-2;Écrou;2,5;0,40;;EUR;;
        A-2001;07/03/2024 09:30;C-1;Société Générale d'Équipement;fr;1;SKU-2;Écrou;-1;0,40;;EUR;F-1001;  Damaged 
        F-1002;07/03/2024 10:00;C-2;Müller GmbH;de;1;SKU-3;Mutter;zwei;1,00;;EUR;;
        """;

    private readonly SourceFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Maps_each_line_to_account_product_order_and_order_line_or_return()
    {
        _folder.WriteSources(ErpSource);
        _folder.WriteData("data/exports/invoice-lines-2024-03.csv", Export.ReplaceLineEndings("\r\n") + "\r\n", Encoding.GetEncoding(1252));

        var read = Assert.Single(await _folder.ReadAllAsync());
        var rows = read.Rows;

        Assert.Equal(["account", "product", "order", "order_line", "return"], read.Targets.Select(t => t.Entity.Name));
        Assert.Equal([2L, 3L, 4L, 5L], rows.Select(r => r.Line));
        var first = rows[0].Values;
        Assert.Equal(["C-1", "Société Générale d'Équipement", "FR"], first[0]!);
        Assert.Equal(["SKU-1", "Vis à bois; 4x40"], first[1]!);
        Assert.Equal(["F-1001", "C-1", "erp", new DateTimeOffset(2024, 3, 5, 13, 0, 0, TimeSpan.Zero), "EUR"], first[2]!);
        Assert.Equal(["F-1001", 1L, "SKU-1", 10m, 1234.50m, 11110.50m], first[3]!);
        Assert.Null(first[4]);

        var credit = rows[2].Values;
        Assert.Null(credit[3]);
        Assert.Equal(["A-2001-1", "F-1001", "SKU-2", 1m, "damaged", 0.40m, new DateTimeOffset(2024, 3, 7, 8, 30, 0, TimeSpan.Zero)], credit[4]!);

        Assert.Equal("order_line.when: 'zwei' in column Quantity is not a number", rows[3].Rejection);
    }

    [Fact]
    public void Declares_targets_with_only_the_mapped_fields_in_model_order()
    {
        _folder.WriteSources(ErpSource);

        var source = _folder.Source();

        Assert.NotNull(source.Cron);
        Assert.Equal(["account", "product", "order", "order_line", "return"], source.Entities);
        Assert.Equal(ShopModel.Return.Keys, ((Monitoring.Shop.Sources.Csv.CsvSource)source).Mappings[4].Fields.Where(f => f.Field.IsKey).Select(f => f.Field));
    }
}
