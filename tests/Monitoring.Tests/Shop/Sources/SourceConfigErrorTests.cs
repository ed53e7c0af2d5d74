using Monitoring.Checks;

namespace Monitoring.Tests.Shop.Sources;

/// <summary>Each broken source declaration yields the message a user needs: file, line, YAML path, problem.</summary>
public sealed class SourceConfigErrorTests
{
    private static string Csv(string entities, string options = "") => $"""
        sources:
          - id: erp
            kind: csv
            files: data/lines.csv
        {options}
            entities:
        {entities}
        """;

    private const string OrderLine = """
              order_line:
                order_id: Order
                line_no: Line
        """;

    public static TheoryData<string, string, string> BrokenSources => new()
    {
        {
            "an unknown function",
            Csv("      order:\n        id: Id\n        placed_at: dat(Placed)"),
            "checks/sources/shop.yaml:9 sources[0].entities.order.placed_at: unknown function 'dat' (did you mean 'date'?)"
        },
        {
            "a syntax error",
            Csv("      order:\n        id: Id\n        total_excl_vat: \"(Net + Tax\""),
            "checks/sources/shop.yaml:9 sources[0].entities.order.total_excl_vat: missing ')' at the end (at character 11 of '(Net + Tax')"
        },
        {
            "an unknown entity",
            Csv("      ordr:\n        id: Id"),
            "checks/sources/shop.yaml:8 sources[0].entities.ordr: 'ordr' is not an entity of the shop model (did you mean 'order'?)"
        },
        {
            "an unknown field",
            Csv(OrderLine + "\n        quantiy: Qty"),
            "checks/sources/shop.yaml:10 sources[0].entities.order_line.quantiy: unknown key (did you mean 'quantity'?)"
        },
        {
            "a key field not mapped",
            Csv("      order_line:\n        order_id: Order\n        quantity: Qty"),
            "checks/sources/shop.yaml:8 sources[0].entities.order_line: the key field line_no of order_line must be mapped"
        },
        {
            "an unknown source kind",
            "sources:\n  - id: erp\n    kind: ftp\n",
            "checks/sources/shop.yaml:3 sources[0].kind: 'ftp' is not a source kind (known kinds: csv, sql)"
        },
        {
            "an invalid id",
            Csv(OrderLine).Replace("id: erp", "id: ERP export"),
            "checks/sources/shop.yaml:2 sources[0].id: 'ERP export' is not a valid id (lower-case letters, digits, '-' and '_', at most 63 characters)"
        },
        {
            "a schedule that cannot be kept evenly",
            Csv(OrderLine, "    schedule: 7m"),
            "checks/sources/shop.yaml:5 sources[0].schedule: '7m' cannot be scheduled evenly"
        },
        {
            "an unknown encoding",
            Csv(OrderLine, "    encoding: latin-42"),
            "checks/sources/shop.yaml:5 sources[0].encoding: 'latin-42' is not an encoding (write e.g. utf-8, windows-1252, iso-8859-1, utf-16)"
        },
        {
            "an unknown time zone",
            Csv(OrderLine, "    time_zone: Europe/Pariss"),
            "checks/sources/shop.yaml:5 sources[0].time_zone: 'Europe/Pariss' is not a known time zone (write an IANA id like Europe/Paris)"
        },
        {
            "a decimal separator that is not one",
            Csv(OrderLine, "    decimal_separator: \";\""),
            "checks/sources/shop.yaml:5 sources[0].decimal_separator: ';' is not a decimal separator (write one of '.' ',')"
        },
        {
            "a misspelt source key",
            Csv(OrderLine, "    delimeter: \";\""),
            "checks/sources/shop.yaml:5 sources[0].delimeter: unknown key (did you mean 'delimiter'?)"
        },
        {
            "a sql source without query",
            "sources:\n  - id: shop\n    kind: sql\n    connection: Host=db;Username=shop\n    entities:\n      order:\n        watermark: updated_at\n",
            "checks/sources/shop.yaml:7 sources[0].entities.order.query: required"
        },
        {
            "a sql map with an unknown function",
            "sources:\n  - id: shop\n    kind: sql\n    connection: Host=db\n    entities:\n      order:\n        query: select 1\n        map:\n          channel: constant('web')\n",
            "checks/sources/shop.yaml:9 sources[0].entities.order.map.channel: unknown function 'constant'"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void Reports_the_file_line_path_and_problem(string because, string yaml, string expected)
    {
        using var folder = new TempChecksFolder(("sources/shop.yaml", yaml));

        var (checks, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Null(checks);
        var error = Assert.Single(errors);
        Assert.True(error.ToString().StartsWith(expected, StringComparison.Ordinal),
            $"{because}: expected a message starting with\n  {expected}\nbut got\n  {error}");
    }

    [Fact]
    public void Reports_a_source_id_declared_twice_with_both_places()
    {
        var source = Csv(OrderLine);
        using var folder = new TempChecksFolder(("sources/a.yaml", source), ("sources/b.yaml", source));

        var (_, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Equal("checks/sources/b.yaml:2 sources[0].id: duplicate source id 'erp' (first declared at checks/sources/a.yaml:2)",
            Assert.Single(errors).ToString());
    }

    [Fact]
    public void Reads_a_sql_source_with_its_schedule_and_queries()
    {
        using var folder = new TempChecksFolder(("sources/shop.yaml", """
            sources:
              - id: shop-db
                kind: sql
                connection: Host=db.internal;Database=shop;Username=reader;Password=secret
                schedule: 5m
                time_zone: Europe/Paris
                entities:
                  order:
                    query: SELECT * FROM orders WHERE (@watermark IS NULL OR updated_at >= @watermark)
                    watermark: updated_at
                  order_line:
                    query: SELECT order_id, position AS line_no, sku, qty FROM order_lines
                    map:
                      quantity: qty
            """));

        var source = Assert.IsType<Monitoring.Shop.Sources.Sql.SqlSource>(Assert.Single(CheckSetLoader.Default().LoadOrThrow(folder.Checks).Sources));

        Assert.Equal(("shop-db", "sql", "checks/sources/shop.yaml:2"), (source.Id, source.Kind, source.DeclaredAt));
        Assert.NotNull(source.Cron);
        Assert.Equal(["order", "order_line"], source.Entities);
        Assert.Equal("db.internal:5432/shop", source.Server);
        Assert.Equal("updated_at", source.Queries[0].Watermark);
    }
}
