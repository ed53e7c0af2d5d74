using System.Text.Json;
using Monitoring.Checks;
using Monitoring.Probes;
using Monitoring.Probes.Tcp;

namespace Monitoring.Tests.Probes.Tcp;

/// <summary>A tcp probe reads from YAML exactly what it says, and every mistake gets a message that says how to fix it.</summary>
public sealed class TcpProbeSettingsTests
{
    private static (CheckSet? Checks, IReadOnlyList<ConfigError> Errors) Load(string yaml)
    {
        using var folder = new TempChecksFolder(("probes/x.yaml", yaml));
        return new CheckSetLoader([ProbeKind.Create<TcpProbe, TcpProbeSettings>("tcp")], VariableExpander.FromEnvironment())
            .Load(folder.Checks);
    }

    private static string Probe(string lines) => "probes:\n  - id: redis\n    kind: tcp\n" + lines;

    public static TheoryData<string, string, string, string?, string?, int?> ValidProbes => new()
    {
        { "a port alone", "    target: redis.shop.test:6379\n", "redis.shop.test:6379", null, null, null },
        { "an IPv4 address", "    target: 10.0.0.2:25\n", "10.0.0.2:25", null, null, null },
        { "an IPv6 address in brackets", "    target: '[::1]:6379'\n", "[::1]:6379", null, null, null },
        {
            "escapes in single quotes, read by the probe",
            "    target: redis.shop.test:6379\n    send: 'PING\\r\\n'\n    expect:\n      contains: '+PONG'\n",
            "redis.shop.test:6379", "PING\r\n", "+PONG", null
        },
        {
            "escapes in double quotes, read by YAML",
            "    target: redis.shop.test:6379\n    send: \"PING\\r\\n\"\n",
            "redis.shop.test:6379", "PING\r\n", null, null
        },
        {
            "a banner and a latency limit",
            "    target: smtp.shop.test:25\n    expect:\n      contains: \"220 \"\n      max_latency: 250ms\n",
            "smtp.shop.test:25", null, "220 ", 250
        },
    };

    [Theory]
    [MemberData(nameof(ValidProbes))]
    public void Reads_what_the_yaml_says(string because, string lines, string target, string? send, string? contains, int? maxLatencyMs)
    {
        var (checks, errors) = Load(Probe(lines));

        Assert.True(errors.Count == 0, $"{because}: expected no errors, got {string.Join(" | ", errors)}");
        var settings = Assert.IsType<TcpProbeSettings>(Assert.Single(checks!.Probes).Settings);
        var expected = (target, send, contains, maxLatencyMs is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null);
        var actual = (settings.Target, settings.Send, settings.ExpectContains, settings.MaxLatency);
        Assert.True(expected == actual, $"{because}: expected {expected}, got {actual}");
    }

    public static TheoryData<string, string, string> BrokenProbes => new()
    {
        { "no target", "    send: PING\n", "checks/probes/x.yaml:2 probes[0].target: required" },
        {
            "no port", "    target: smtp.shop.test\n",
            "checks/probes/x.yaml:4 probes[0].target: 'smtp.shop.test' has no port (write host:port, like smtp.shop.test:25)"
        },
        {
            "port 0", "    target: smtp.shop.test:0\n",
            "checks/probes/x.yaml:4 probes[0].target: 'smtp.shop.test:0' has no valid port: '0' (write a port from 1 to 65535, like smtp.shop.test:25)"
        },
        {
            "a port past 65535", "    target: smtp.shop.test:70000\n",
            "checks/probes/x.yaml:4 probes[0].target: 'smtp.shop.test:70000' has no valid port: '70000' (write a port from 1 to 65535, like smtp.shop.test:25)"
        },
        {
            "a service name for a port", "    target: smtp.shop.test:smtp\n",
            "checks/probes/x.yaml:4 probes[0].target: 'smtp.shop.test:smtp' has no valid port: 'smtp' (write a port from 1 to 65535, like smtp.shop.test:25)"
        },
        {
            "a URL for a target", "    target: tcp://smtp.shop.test:25\n",
            "checks/probes/x.yaml:4 probes[0].target: 'tcp://smtp.shop.test:25' is a URL (write host:port, like smtp.shop.test:25)"
        },
        {
            "a host with a space", "    target: smtp shop:25\n",
            "checks/probes/x.yaml:4 probes[0].target: 'smtp shop:25' does not start with a host name or IP address (write host:port, like smtp.shop.test:25)"
        },
        {
            "an IPv6 address without brackets", "    target: ::1:6379:x\n",
            "checks/probes/x.yaml:4 probes[0].target: '::1:6379:x' is not an IPv6 address (write it in brackets with the port, like [::1]:6379)"
        },
        {
            "an unknown escape", "    target: redis.shop.test:6379\n    send: 'PING\\q'\n",
            "checks/probes/x.yaml:5 probes[0].send: '\\q' in 'PING\\q' is not an escape (write \\n, \\r, \\t, \\0, or \\\\ for a backslash)"
        },
        {
            "empty text to send", "    target: redis.shop.test:6379\n    send: ''\n",
            "checks/probes/x.yaml:5 probes[0].send: '' is no text (write the text, like 'PING\\r\\n', or leave 'send' out)"
        },
        {
            "empty expected text", "    target: redis.shop.test:6379\n    expect:\n      contains: \"\"\n",
            "checks/probes/x.yaml:6 probes[0].expect.contains: '' is no text (write the text, like '+PONG', or leave 'contains' out)"
        },
        {
            "a latency that is not a duration", "    target: redis.shop.test:6379\n    expect:\n      max_latency: fast\n",
            "checks/probes/x.yaml:6 probes[0].expect.max_latency: 'fast' is not a duration (write e.g. 500ms, 30s, 5m, 1h)"
        },
        {
            "a misspelt expectation", "    target: redis.shop.test:6379\n    expect:\n      contain: +PONG\n",
            "checks/probes/x.yaml:6 probes[0].expect.contain: unknown key (did you mean 'contains'?)"
        },
        {
            "a list where a mapping belongs", "    target: redis.shop.test:6379\n    expect: [+PONG]\n",
            "checks/probes/x.yaml:5 probes[0].expect: expected a mapping (key: value lines), found a list"
        },
        {
            "the port as its own key", "    target: redis.shop.test\n    port: 6379\n",
            "checks/probes/x.yaml:4 probes[0].target: 'redis.shop.test' has no port (write host:port, like smtp.shop.test:25)\n" +
            "checks/probes/x.yaml:5 probes[0].port: unknown key (known keys: …"
        },
        {
            "a misspelt key", "    target: redis.shop.test:6379\n    sned: PING\n",
            "checks/probes/x.yaml:5 probes[0].sned: unknown key (did you mean 'send'?)"
        },
        {
            "an http key on a tcp probe", "    target: redis.shop.test:6379\n    url: http://redis.shop.test/\n",
            "checks/probes/x.yaml:5 probes[0].url: unknown key (known keys: …"
        },
    };

    /// <summary>An expected line ending in … matches by its start: the list of known keys grows with the loader.</summary>
    [Theory]
    [MemberData(nameof(BrokenProbes))]
    public void Reports_the_file_line_path_and_problem(string because, string lines, string expected)
    {
        var (checks, errors) = Load(Probe(lines));

        var wanted = expected.Split('\n');
        var actual = errors.Select(e => e.ToString()).ToList();
        Assert.Null(checks);
        Assert.True(wanted.Length == actual.Count && wanted.Zip(actual).All(p => p.First.EndsWith('…')
                ? p.Second.StartsWith(p.First.TrimEnd('…'), StringComparison.Ordinal)
                : p.First == p.Second),
            $"{because}: expected\n  {string.Join("\n  ", wanted)}\nbut got\n  {string.Join("\n  ", actual)}");
    }

    [Fact]
    public void Never_stores_the_text_it_sends_which_may_hold_a_password()
    {
        var settings = new TcpProbeSettings { Address = new HostPort("redis.shop.test", 6379), Send = "AUTH s3cret\r\nPING\r\n" };

        // As the probe store serialises settings.
        var json = JsonSerializer.Serialize(settings, settings.GetType(), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.False(json.Contains("s3cret"), $"expected no password in the stored settings, got {json}");
        Assert.Contains("redis.shop.test", json);
    }
}
