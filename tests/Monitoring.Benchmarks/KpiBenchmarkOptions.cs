using System.Globalization;

namespace Monitoring.Benchmarks;

/// <summary>The options of the <c>kpis</c> verb.</summary>
public sealed record KpiBenchmarkOptions
{
    public const string Usage = """
        usage: dotnet run --project tests/Monitoring.Benchmarks -c Release -- kpis [options]
          --order-lines N     order lines generated, 5 per order (default 10000000)
          --sessions N        sessions generated (default 20000000)
          --days D            days of history they are spread over, ending yesterday (default 730)
          --accounts N        customer accounts (default 20000)
          --products N        products (default 20000)
          --database CS       a PostgreSQL connection string to use instead of a throwaway server: generated into when
                              it has no orders, reused as it is otherwise (to iterate on the rollup without regenerating)
          --dump FILE         write the day×segment rows after the full recompute to FILE (sorted, one a line), and after
                              the incremental run to FILE.incremental, to compare the values before and after a change
          --profile           log each rollup query's time
        """;

    public int OrderLines { get; init; } = 10_000_000;
    public int Sessions { get; init; } = 20_000_000;
    public int Days { get; init; } = 730;
    public int Accounts { get; init; } = 20_000;
    public int Products { get; init; } = 20_000;
    public string? Database { get; init; }
    public string? Dump { get; init; }
    public bool Profile { get; init; }

    public static KpiBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new KpiBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--order-lines" => options with { OrderLines = Number(Value(), 100, 100_000_000) },
                "--sessions" => options with { Sessions = Number(Value(), 100, 200_000_000) },
                "--days" => options with { Days = Number(Value(), 60, 3650) },
                "--accounts" => options with { Accounts = Number(Value(), 10, 10_000_000) },
                "--products" => options with { Products = Number(Value(), 10, 10_000_000) },
                "--database" => options with { Database = Value() },
                "--dump" => options with { Dump = Value() },
                "--profile" => options with { Profile = true },
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
