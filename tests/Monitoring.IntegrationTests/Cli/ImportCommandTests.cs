using System.Diagnostics;
using System.Text;

namespace Monitoring.IntegrationTests.Cli;

/// <summary><c>monitoring import</c> and <c>monitoring quarantine</c>, run as the real executable in a working folder.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "monitoring.dll");

    private readonly TempFolder _folder = new();

    public ImportCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Checks, "sources"));
        File.WriteAllText(Path.Combine(_folder.Checks, "sources", "lines.yaml"), """
            sources:
              - id: erp-lines
                kind: csv
                files: exports/lines-*.csv
                delimiter: ";"
                decimal_separator: ","
                date_format: dd/MM/yyyy
                entities:
                  order:
                    id: invoice
                    placed_at: date
                  order_line:
                    order_id: invoice
                    line_no: line
                    quantity: qty
                    net_price: price
                    amount: qty * price
            """);
        Directory.CreateDirectory(Path.Combine(_folder.Root, "exports"));
    }

    public void Dispose() => _folder.Dispose();

    private void Export(string name, params string[] lines) =>
        File.WriteAllText(Path.Combine(_folder.Root, "exports", name), "invoice;line;date;qty;price\n" + string.Join("\n", lines) + "\n", Encoding.UTF8);

    private async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder.Root };
        start.ArgumentList.Add(Executable);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add($"--Monitoring:Storage:SqlitePath={_folder.SqlitePath}");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Imports_a_source_prints_the_report_and_keeps_bad_rows_in_the_quarantine()
    {
        Export("lines-2026-11.csv", "F1;1;20/11/2026;2;10,50", "F1;2;20/11/2026;x;3", "F2;1;21/11/2026;1;99");

        var (exit, output) = await RunAsync("import", "erp-lines");

        Assert.True(exit == 0, output);
        Assert.Contains("erp-lines · exports/lines-2026-11.csv: imported, 3 rows", output);
        Assert.Matches(@"order_line\s+2\s+2\s+0\s+0\s+1", output);
        var (_, quarantine) = await RunAsync("quarantine", "--source", "erp-lines");
        Assert.Contains("exports/lines-2026-11.csv:3  [erp-lines] order_line.quantity: 'x' in column qty is not a number", quarantine);
        Assert.Contains("1 of 1 quarantined row(s) shown.", quarantine);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing()
    {
        Export("lines-2026-11.csv", "F1;1;20/11/2026;2;10,50", "F2;1;21/11/2026;1;99");
        await RunAsync("import", "erp-lines");

        var (exit, output) = await RunAsync("import", "erp-lines", "exports/lines-2026-11.csv");

        Assert.True(exit == 0, output);
        Assert.Matches(@"order_line\s+2\s+0\s+0\s+2\s+0", output);
    }

    [Fact]
    public async Task Names_the_missing_file_and_exits_one()
    {
        var (exit, output) = await RunAsync("import", "erp-lines", "exports/lines-missing.csv");

        Assert.Equal(1, exit);
        Assert.Contains("lines-missing.csv", output);
        Assert.Contains("does not exist", output);
    }

    [Fact]
    public async Task Lists_the_declared_sources_when_the_name_is_wrong()
    {
        var (exit, output) = await RunAsync("import", "erp");

        Assert.Equal(2, exit);
        Assert.Contains("'erp' is not a source (declared: erp-lines)", output);
    }
}
