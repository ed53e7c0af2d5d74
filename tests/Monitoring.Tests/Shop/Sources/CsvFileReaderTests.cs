using System.Text;
using Monitoring.Shop.Import;

namespace Monitoring.Tests.Shop.Sources;

public sealed class CsvFileReaderTests : IDisposable
{
    private readonly SourceFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private void Source(string files = "data/lines.csv", string options = "", string order = "Order", string line = "Line", string quantity = "Quantity") =>
        _folder.WriteSources($"""
            sources:
              - id: erp
                kind: csv
                files: {files}
            {options}
                entities:
                  order_line:
                    order_id: {order}
                    line_no: {line}
                    quantity: {quantity}
            """);

    [Fact]
    public async Task Reads_windows_1252_text_with_accents_and_decimal_commas()
    {
        _folder.WriteSources("""
            sources:
              - id: erp
                kind: csv
                files: data/accounts.csv
                delimiter: ";"
                encoding: windows-1252
                decimal_separator: ","
                thousands_separator: "."
                entities:
                  product:
                    sku: Référence
                    name: Désignation
                    list_price: Prix
            """);
        _folder.WriteData("data/accounts.csv", "Référence;Désignation;Prix\nP1;Crème brûlée à l'érable;1.234,50\n", Encoding.GetEncoding(1252));

        var row = Assert.Single(await _folder.ReadRowsAsync());

        Assert.Null(row.Rejection);
        Assert.Equal(["P1", "Crème brûlée à l'érable", 1234.50m], row.Values[0]!);
    }

    [Fact]
    public async Task Reads_day_first_dates_in_the_source_time_zone_as_utc()
    {
        _folder.WriteSources("""
            sources:
              - id: erp
                kind: csv
                files: data/orders.csv
                date_format: [dd/MM/yyyy HH:mm, dd/MM/yyyy]
                time_zone: Europe/Paris
                entities:
                  order:
                    id: Id
                    placed_at: Placed
            """);
        _folder.WriteData("data/orders.csv", "Id,Placed\nA,05/03/2024 14:00\nB,05/07/2024\nC,2024-07-05T10:00:00Z\n");

        var rows = await _folder.ReadRowsAsync();

        Assert.Equal(
            [new DateTimeOffset(2024, 3, 5, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 7, 4, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 7, 5, 10, 0, 0, TimeSpan.Zero)],
            rows.Select(r => (DateTimeOffset)r.Values[0]![1]!));
    }

    [Fact]
    public async Task Counts_physical_lines_across_quoted_fields_with_delimiters_and_newlines()
    {
        Source(options: "    delimiter: \";\"", quantity: "Qty");
        _folder.WriteData("data/lines.csv",
            "Order;Line;Note;Qty\r\nA;1;\"two; lines\r\nhere\";1\r\nA;2;\"three\nlines\n\"\"quoted\"\"\";2\r\n\r\nA;3;plain;x\r\n");

        var rows = await _folder.ReadRowsAsync();

        Assert.Equal([2L, 4L, 8L], rows.Select(r => r.Line));
        Assert.Equal("order_line.quantity: 'x' in column Qty is not a number", rows[2].Rejection);
    }

    [Fact]
    public async Task Rejects_a_row_whose_quantity_is_not_a_number_and_keeps_its_raw_values()
    {
        Source();
        _folder.WriteData("data/lines.csv", "Order,Line,Quantity\nA,1,abc\nA,2,3\n");

        var rows = await _folder.ReadRowsAsync();

        Assert.Equal("order_line.quantity: 'abc' in column Quantity is not a number", rows[0].Rejection);
        Assert.Equal("order_line", rows[0].RejectedEntity);
        Assert.Equal("abc", rows[0].Raw!["Quantity"]);
        Assert.Equal(["A", 2L, 3m], rows[1].Values[0]!);
    }

    [Fact]
    public async Task Rejects_rows_with_the_wrong_number_of_fields_and_keeps_the_good_ones()
    {
        Source();
        _folder.WriteData("data/lines.csv", "Order,Line,Quantity\nA,1\nA,2,3\nA,3,4,5\n");

        var rows = await _folder.ReadRowsAsync();

        Assert.Equal(
        [
            "2 fields where 3 are expected (check the delimiter and quotes of this line)",
            null,
            "4 fields where 3 are expected (check the delimiter and quotes of this line)",
        ], rows.Select(r => r.Rejection));
        Assert.Equal("5", rows[2].Raw!["#4"]);
    }

    [Fact]
    public async Task Rejects_a_row_with_bytes_that_are_not_valid_utf8()
    {
        Source(options: "    decimal_separator: \",\"", quantity: "[Qté]");
        var bytes = Encoding.UTF8.GetBytes("Order,Line,Qté\nA,1,\"2,5\"\nB,1,3\n").ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'B'), [(byte)0xE9]);
        _folder.WriteBytes("data/lines.csv", bytes.ToArray());

        var rows = await _folder.ReadRowsAsync();

        Assert.Equal(2.5m, rows[0].Values[0]![2]);
        Assert.Equal("bytes not valid utf-8 in column Order (set encoding: in the source)", rows[1].Rejection);
    }

    [Fact]
    public async Task Fails_when_a_mapped_column_is_missing_from_the_header()
    {
        Source(quantity: "Quantity");
        _folder.WriteData("data/lines.csv", "Order,Line,Qty\nA,1,2\n");

        var error = await Assert.ThrowsAsync<SourceException>(() => _folder.ReadAllAsync());

        Assert.Equal("data/lines.csv: column 'Quantity' mapped at checks/sources/shop.yaml:10 (sources[0].entities.order_line.quantity) " +
                     "is not in the header; columns: 'Order', 'Line', 'Qty'", error.Message);
    }

    [Fact]
    public async Task Fails_on_a_header_of_one_column_naming_the_delimiter_found()
    {
        Source();
        _folder.WriteData("data/lines.csv", "Order;Line;Quantity\nA;1;2\n");

        var error = await Assert.ThrowsAsync<SourceException>(() => _folder.ReadAllAsync());

        Assert.Equal("data/lines.csv: the header is a single column 'Order;Line;Quantity' while the mapping reads 3 columns: " +
                     "expected columns separated by ',', found ';' (set delimiter: ';')", error.Message);
    }

    [Fact]
    public async Task Fails_on_a_file_that_is_not_csv()
    {
        Source();
        _folder.WriteBytes("data/lines.csv", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);

        var error = await Assert.ThrowsAsync<SourceException>(() => _folder.ReadAllAsync());

        Assert.StartsWith("data/lines.csv is not a CSV file: it contains NUL bytes", error.Message);
    }

    [Fact]
    public async Task Fails_when_the_file_does_not_exist()
    {
        Source();

        var error = await Assert.ThrowsAsync<SourceException>(() => _folder.ReadAllAsync());

        Assert.Equal("data/lines.csv: the file does not exist (source erp, files: data/lines.csv)", error.Message);
    }

    [Fact]
    public async Task Reads_the_files_of_a_glob_in_name_order()
    {
        Source(files: "data/exports/lines-*.csv");
        foreach (var name in new[] { "lines-2024-10.csv", "lines-2024-02.csv", "other.csv", "lines-2024-01.csv" })
            _folder.WriteData($"data/exports/{name}", "Order,Line,Quantity\nA,1,1\n");

        var readers = await _folder.ReadAllAsync();

        Assert.Equal(["data/exports/lines-2024-01.csv", "data/exports/lines-2024-02.csv", "data/exports/lines-2024-10.csv"],
            readers.Select(r => r.Origin));
        Assert.All(readers, r => Assert.Equal(r.Length, r.Position));
    }

    [Fact]
    public async Task Reads_a_file_without_header_by_numbered_columns_after_skipped_lines()
    {
        Source(options: "    header: false\n    skip_lines: 2", order: "[1]", line: "line()", quantity: "[3]");
        _folder.WriteData("data/lines.csv", "Export of 2024-03-01\n\nA,x,1\nB,y,2\n");

        var rows = await _folder.ReadRowsAsync();

        Assert.Equal([3L, 4L], rows.Select(r => r.Line));
        Assert.Equal(["B", 4L, 2m], rows[1].Values[0]!);
    }

    [Fact]
    public async Task Reads_a_file_without_header_by_the_column_names_given()
    {
        Source(options: "    header: false\n    columns: [Order, Line, Quantity]");
        _folder.WriteData("data/lines.csv", "A,1,5\n");

        var row = Assert.Single(await _folder.ReadRowsAsync());

        Assert.Equal(1L, row.Line);
        Assert.Equal(["A", 1L, 5m], row.Values[0]!);
    }
}
