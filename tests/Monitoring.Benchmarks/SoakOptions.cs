using System.Globalization;
using Monitoring.Checks;

namespace Monitoring.Benchmarks;

/// <summary>The options of the <c>soak</c> verb.</summary>
public sealed record SoakOptions
{
    public const string Usage = """
        usage: dotnet run --project tests/Monitoring.Benchmarks -c Release -- soak [options]
          --checks N             http probes (default 500)
          --interval D           how often each probe runs: 5s, 10s, 15s, 30s, 1m … (default 30s)
          --minutes M            length of the soak (default 30)
          --warmup M             minutes left out of the lag, runs and queue figures (default 1)
          --ingest-per-second R  JSON ingest requests a second, alternately orders and sessions (default 2; 0: none)
          --batch N              records per ingest request (default 10)
          --sample-every D       how often RSS and /metrics are sampled (default 30s)
          --postgres             run the service on a throwaway PostgreSQL instead of SQLite
          --target T             auto (nginx when installed, else Kestrel), nginx or kestrel (default auto)
          --chart PATH           the memory curve as PNG (default: soak/ beside the benchmark's binaries)
          --json PATH            the samples and figures as JSON (default: beside the chart)
          --keep                 keep the temporary folder (checks, database, logs)
        """;

    public int Checks { get; init; } = 500;
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);
    public double Minutes { get; init; } = 30;
    public double WarmupMinutes { get; init; } = 1;
    public double IngestPerSecond { get; init; } = 2;
    public int Batch { get; init; } = 10;
    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromSeconds(30);
    public bool Postgres { get; init; }
    public string Target { get; init; } = "auto";
    public string? ChartPath { get; init; }
    public string? JsonPath { get; init; }
    public bool Keep { get; init; }

    /// <summary>The arguments as given, for the report.</summary>
    public string Arguments { get; init; } = "";

    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SoakOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--checks" => options with { Checks = (int)Number(Value(), 1, 20_000) },
                "--interval" => options with { Interval = Schedulable(Value()) },
                "--minutes" => options with { Minutes = Number(Value(), 1, 24 * 60) },
                "--warmup" => options with { WarmupMinutes = Number(Value(), 0, 10) },
                "--ingest-per-second" => options with { IngestPerSecond = Number(Value(), 0, 200) },
                "--batch" => options with { Batch = (int)Number(Value(), 1, 1000) },
                "--sample-every" => options with { SampleEvery = Duration(Value(), TimeSpan.FromSeconds(5)) },
                "--postgres" => options with { Postgres = true },
                "--target" => options with { Target = TargetName(Value()) },
                "--chart" => options with { ChartPath = Path.GetFullPath(Value()) },
                "--json" => options with { JsonPath = Path.GetFullPath(Value()) },
                "--keep" => options with { Keep = true },
                var other => throw new ArgumentException($"unknown option '{other}'"),
            };
        }
        if (options.WarmupMinutes >= options.Minutes)
            throw new ArgumentException($"--warmup {options.WarmupMinutes} leaves nothing of --minutes {options.Minutes} to measure");
        return options with { Arguments = string.Join(' ', args) };
    }

    private static string TargetName(string text) =>
        text is "auto" or "nginx" or "kestrel" ? text : throw new ArgumentException($"'{text}' is not auto, nginx or kestrel");

    private static double Number(string text, double min, double max) =>
        double.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"'{text}' is not a number from {min} to {max}");

    private static TimeSpan Duration(string text, TimeSpan min) =>
        Durations.TryParse(text, out var duration) && duration >= min
            ? duration
            : throw new ArgumentException($"'{text}' is not a duration of at least {Durations.Format(min)} (e.g. 30s, 1m)");

    /// <summary>An interval the service can schedule (its own rule, so that the generated checks load).</summary>
    private static TimeSpan Schedulable(string text)
    {
        var interval = Duration(text, TimeSpan.FromSeconds(1));
        return Schedules.TryToCron(interval, "any", out _, out var error) ? interval : throw new ArgumentException($"--interval: {error}");
    }
}
