using System.CommandLine;
using Monitoring.Storage;

namespace Monitoring.Cli;

/// <summary><c>monitoring quarantine</c>: the rows imports refused, newest first, with file, line, reason and values.</summary>
public static class QuarantineCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "Only this source" };
        var limit = new Option<int>("--limit") { Description = "How many rows (default 50)", DefaultValueFactory = _ => 50 };
        var command = new Command("quarantine", "List the rows imports refused, with where they came from and why.") { source, limit };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (r, ct) =>
        {
            await using var services = await CliServices.BuildAsync(r.UnmatchedTokens, ct);
            var store = services.GetRequiredService<IImportStore>();
            var rows = await store.ListQuarantineAsync(r.GetValue(source), Math.Clamp(r.GetValue(limit), 1, 10_000), null, ct);
            var total = await store.CountQuarantineAsync(r.GetValue(source), ct);
            foreach (var row in rows)
            {
                Console.WriteLine($"{row.Origin}:{row.Line}  [{row.Source}] {row.Reason}");
                Console.WriteLine($"    {string.Join("  ", row.Raw.Select(p => $"{p.Key}={p.Value}"))}");
            }
            Console.WriteLine($"{rows.Count:N0} of {total:N0} quarantined row(s) shown.");
            return 0;
        });
        return command;
    }
}
