namespace Monitoring.Probes;

/// <summary>The lower-case names of outcomes and failure classes, as stored and as metric label values.</summary>
public static class ProbeNames
{
    /// <summary>Phase names, as blackbox_exporter's <c>probe_http_duration_seconds{phase}</c>.</summary>
    public static readonly IReadOnlyList<string> Phases = ["resolve", "connect", "tls", "processing", "transfer"];

    public static string Of(ProbeOutcome outcome) => outcome switch
    {
        ProbeOutcome.Pass => "pass",
        ProbeOutcome.Degraded => "degraded",
        _ => "fail",
    };

    public static ProbeOutcome ParseOutcome(string text) => text switch
    {
        "pass" => ProbeOutcome.Pass,
        "degraded" => ProbeOutcome.Degraded,
        "fail" => ProbeOutcome.Fail,
        _ => throw new FormatException($"'{text}' is not a probe outcome"),
    };

    public static string Of(FailureClass failure) => failure switch
    {
        FailureClass.None => "none",
        FailureClass.Dns => "dns",
        FailureClass.Connect => "connect",
        FailureClass.Tls => "tls",
        FailureClass.Timeout => "timeout",
        FailureClass.HttpStatus => "http_status",
        FailureClass.Assertion => "assertion",
        FailureClass.Latency => "latency",
        _ => "probe_error",
    };

    public static FailureClass ParseFailure(string text) =>
        Enum.GetValues<FailureClass>().FirstOrDefault(f => Of(f) == text, FailureClass.ProbeError);
}
