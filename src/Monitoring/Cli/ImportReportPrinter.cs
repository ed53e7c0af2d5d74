using Monitoring.Shop.Import;

namespace Monitoring.Cli;

/// <summary>The import report as a table per origin, for the terminal and CI logs.</summary>
internal static class ImportReportPrinter
{
    public static void Print(TextWriter output, IReadOnlyList<ImportReport> reports)
    {
        if (reports.Count == 0) output.WriteLine("Nothing to import: the source matched no file.");
        foreach (var report in reports)
        {
            var seconds = Math.Max(report.Duration.TotalSeconds, 0.001);
            output.WriteLine();
            output.WriteLine($"{report.Source} · {report.Origin}: {(report.Succeeded ? "imported" : "FAILED")}, " +
                             $"{report.RowsRead:N0} rows in {report.Duration.TotalSeconds:0.0} s ({report.RowsRead / seconds:N0} rows/s), " +
                             $"{report.RowsRejected:N0} refused");
            if (report.Error is not null) output.WriteLine($"  error: {report.Error}");
            if (report.Entities.Count == 0) continue;
            output.WriteLine($"  {"entity",-20} {"read",12} {"inserted",12} {"updated",12} {"unchanged",12} {"refused",10}");
            foreach (var (entity, c) in report.Entities)
                output.WriteLine($"  {entity,-20} {c.Read,12:N0} {c.Inserted,12:N0} {c.Updated,12:N0} {c.Unchanged,12:N0} {c.Rejected,10:N0}");
            if (report.RowsRejected > 0)
                output.WriteLine($"  refused rows: monitoring quarantine --source {report.Source}   (or /data/imports)");
        }
    }
}
