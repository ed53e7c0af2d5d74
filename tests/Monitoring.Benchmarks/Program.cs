using Monitoring.Benchmarks;

// Verbs: `probes`, `import`, `quality`, `kpis` and `soak` are the benchmarks; `target` is the fallback HTTP server `probes` starts as a
// child process when nginx is not installed.
try
{
    return args switch
    {
        ["probes", .. var rest] => await ProbesBenchmark.RunAsync(BenchmarkOptions.Parse(rest)),
        ["import", .. var rest] => await ImportBenchmark.RunAsync(ImportBenchmarkOptions.Parse(rest)),
        ["quality", .. var rest] => await QualityBenchmark.RunAsync(QualityBenchmarkOptions.Parse(rest)),
        ["kpis", .. var rest] => await KpiBenchmark.RunAsync(KpiBenchmarkOptions.Parse(rest)),
        ["soak", .. var rest] => await SoakBenchmark.RunAsync(SoakOptions.Parse(rest)),
        ["target", "--port", var port] => await KestrelTarget.RunAsync(int.Parse(port)),
        _ => Usage(null),
    };
}
catch (ArgumentException e)
{
    return Usage(e.Message);
}

static int Usage(string? error)
{
    if (error is not null) Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    Console.Error.WriteLine(ImportBenchmarkOptions.Usage);
    Console.Error.WriteLine(QualityBenchmarkOptions.Usage);
    Console.Error.WriteLine(KpiBenchmarkOptions.Usage);
    Console.Error.WriteLine(SoakOptions.Usage);
    return 2;
}
