namespace Monitoring.Benchmarks;

/// <summary>The options of the <c>probes</c> verb.</summary>
public sealed record BenchmarkOptions
{
    public const string Usage = """
        usage: dotnet run --project tests/Monitoring.Benchmarks -c Release -- probes [options]
          --checks N          http probes, each once a minute (default 1000)
          --minutes M         length of the measured window (default 3)
          --warmup M          minutes run before the window opens (default 1)
          --target T          auto (nginx when installed, else Kestrel), nginx or kestrel (default auto)
          --no-baseline       skip prometheus-blackbox-exporter (for profiling runs of shopmon alone)
          --service-env K=V   an environment variable for the service, repeatable (e.g. DOTNET_gcServer=0)
          --json PATH         where the figures are written (default: a file in the temp folder)
          --keep              keep the temporary folder (checks, SQLite file, logs)
        """;

    public int Checks { get; init; } = 1000;
    public double Minutes { get; init; } = 3;
    public double WarmupMinutes { get; init; } = 1;
    public string Target { get; init; } = "auto";
    public bool Baseline { get; init; } = true;
    public IReadOnlyDictionary<string, string> ServiceEnvironment { get; init; } = new Dictionary<string, string>();
    public string? JsonPath { get; init; }
    public bool Keep { get; init; }

    /// <summary>The arguments as given, for the report.</summary>
    public string Arguments { get; init; } = "";

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        var environment = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--checks" => options with { Checks = Number(Value(), 1, 20_000) },
                "--minutes" => options with { Minutes = Number(Value(), 0.5, 60.0) },
                "--warmup" => options with { WarmupMinutes = Number(Value(), 0.0, 10) },
                "--target" => options with { Target = OneOf(Value(), "auto", "nginx", "kestrel") },
                "--no-baseline" => options with { Baseline = false },
                "--service-env" => AddVariable(options, environment, Value()),
                "--json" => options with { JsonPath = Path.GetFullPath(Value()) },
                "--keep" => options with { Keep = true },
                var other => throw new ArgumentException($"unknown option '{other}'"),
            };
        }
        return options with { ServiceEnvironment = environment, Arguments = string.Join(' ', args) };
    }

    private static BenchmarkOptions AddVariable(BenchmarkOptions options, Dictionary<string, string> environment, string pair)
    {
        var equals = pair.IndexOf('=');
        if (equals < 1) throw new ArgumentException($"--service-env expects NAME=VALUE, got '{pair}'");
        environment[pair[..equals]] = pair[(equals + 1)..];
        return options;
    }

    private static int Number(string text, int min, int max) => (int)Number(text, (double)min, max);

    private static double Number(string text, double min, double max) =>
        double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"'{text}' is not a number from {min} to {max}");

    private static string OneOf(string text, params string[] allowed) =>
        allowed.Contains(text) ? text : throw new ArgumentException($"'{text}' is not one of {string.Join(", ", allowed)}");
}
