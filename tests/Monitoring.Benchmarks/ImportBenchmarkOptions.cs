using System.Globalization;

namespace Monitoring.Benchmarks;

/// <summary>The options of the <c>import</c> verb.</summary>
public sealed record ImportBenchmarkOptions
{
    public const string Usage = """
        usage: dotnet run --project tests/Monitoring.Benchmarks -c Release -- import [options]
          --rows N            order lines in the generated CSV file (default 2000000)
          --runs R            measured repetitions of each step, the median is reported (default 3)
          --backends B        postgres, sqlite or both (default both)
          --json PATH         where the figures are written (default: a file in the temp folder)
        """;

    public int Rows { get; init; } = 2_000_000;
    public int Runs { get; init; } = 3;
    public bool Postgres { get; init; } = true;
    public bool Sqlite { get; init; } = true;
    public string? JsonPath { get; init; }

    public static ImportBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ImportBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--rows" => options with { Rows = Number(Value(), 1_000, 50_000_000) },
                "--runs" => options with { Runs = Number(Value(), 1, 20) },
                "--backends" => Value() switch
                {
                    "both" => options with { Postgres = true, Sqlite = true },
                    "postgres" => options with { Postgres = true, Sqlite = false },
                    "sqlite" => options with { Postgres = false, Sqlite = true },
                    var other => throw new ArgumentException($"'{other}' is not one of postgres, sqlite, both"),
                },
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
