using System.Globalization;

namespace Monitoring.Benchmarks;

/// <summary>The options of the <c>quality</c> verb.</summary>
public sealed record QualityBenchmarkOptions
{
    public const string Usage = """
        usage: dotnet run --project tests/Monitoring.Benchmarks -c Release -- quality [options]
          --products N        products in the generated catalogue (default 1000000)
          --runs R            measured repetitions of the read and of the two scans, the median is reported (default 3)
          --json PATH         where the figures are written (default: a file in the temp folder)
        """;

    public int Products { get; init; } = 1_000_000;
    public int Runs { get; init; } = 3;
    public string? JsonPath { get; init; }

    public static QualityBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new QualityBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--products" => options with { Products = Number(Value(), 1_000, 10_000_000) },
                "--runs" => options with { Runs = Number(Value(), 1, 20) },
                "--json" => options with { JsonPath = Path.GetFullPath(Value()) },
                var other => throw new ArgumentException($"unknown option '{other}'"),
            };
        }
        return options;
    }

    private static int Number(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"'{text}' is not a whole number from {min} to {max}");
}
