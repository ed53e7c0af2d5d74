using Monitoring.Shop.Import;

namespace Monitoring.Cli;

/// <summary>
/// Progress of a long import on the terminal: one line rewritten in place on a terminal, or a line every ten
/// percent (or every million rows) when the output is a file or a CI log.
/// </summary>
internal sealed class ConsoleImportProgress(TextWriter output) : IProgress<ImportProgress>
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private string? _origin;
    private long _lastStep = -1;
    private bool _lineOpen;

    public void Report(ImportProgress value)
    {
        if (value.Origin != _origin)
        {
            Finish();
            _origin = value.Origin;
            _lastStep = -1;
        }
        var rate = value.Elapsed.TotalSeconds > 0 ? value.Rows / value.Elapsed.TotalSeconds : 0;
        var share = value.Fraction is { } f ? $" ({f:P0})" : "";
        var line = $"{value.Origin}: {value.Rows:N0} rows{share}, {rate:N0} rows/s, {value.Rejected:N0} refused";
        if (_interactive)
        {
            output.Write("\r" + line.PadRight(Console.WindowWidth > 0 ? Math.Min(Console.WindowWidth - 1, 120) : 100));
            _lineOpen = true;
            return;
        }
        var step = value.Fraction is { } fraction ? (long)(fraction * 10) : value.Rows / 1_000_000;
        if (step == _lastStep) return;
        _lastStep = step;
        output.WriteLine(line);
    }

    /// <summary>Ends the line being rewritten, before the report is printed.</summary>
    public void Finish()
    {
        if (!_lineOpen) return;
        output.WriteLine();
        _lineOpen = false;
    }
}
