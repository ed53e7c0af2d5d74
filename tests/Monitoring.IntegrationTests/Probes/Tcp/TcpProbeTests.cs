using Monitoring.Probes;
using Monitoring.Probes.Tcp;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Probes.Tcp;

/// <summary>The tcp probe against real servers on loopback: up, wrong, silent, hung up and refused, and what each result says.</summary>
public sealed class TcpProbeTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);

    private static Task<ProbeResult> RunAsync(
        string target, string? send = null, string? contains = null, TimeSpan? maxLatency = null, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        Assert.True(HostPort.TryParse(target, null, "x:1", out var address, out var problem), problem);
        var settings = new TcpProbeSettings { Address = address!, Send = send, ExpectContains = contains, MaxLatency = maxLatency };
        var definition = new ProbeDefinition("t", "t", "tcp", TimeSpan.FromSeconds(30), timeout ?? TimeSpan.FromSeconds(5), null, settings, "test:1");
        return new TcpProbe(TimeProvider.System).RunAsync(definition, cancellationToken);
    }

    private static void AssertResult(ProbeResult result, ProbeOutcome outcome, FailureClass failure, string messageStart, params string[] phases)
    {
        var actual = (result.Outcome, result.Failure, result.Message);
        Assert.True(actual.Outcome == outcome && actual.Failure == failure && result.Message.StartsWith(messageStart, StringComparison.Ordinal),
            $"expected ({outcome}, {failure}, a message starting with '{messageStart}'), got {actual}");
        Assert.True(phases.Order().SequenceEqual(result.Phases.Keys.Order()),
            $"expected the phases [{string.Join(", ", phases)}], got [{string.Join(", ", result.Phases.Keys)}]");
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task Passes_when_the_port_accepts_a_connection()
    {
        await using var server = LoopbackTcpServer.Silent();

        var result = await RunAsync($"127.0.0.1:{server.Port}");

        AssertResult(result, ProbeOutcome.Pass, FailureClass.None, $"connected to 127.0.0.1:{server.Port} in ", "resolve", "connect");
    }

    [Fact]
    public async Task Passes_when_the_banner_contains_the_expected_text()
    {
        await using var server = LoopbackTcpServer.SmtpBanner();

        var result = await RunAsync($"127.0.0.1:{server.Port}", contains: "ESMTP");

        AssertResult(result, ProbeOutcome.Pass, FailureClass.None, $"answer containing 'ESMTP' from 127.0.0.1:{server.Port} in ",
            "resolve", "connect");
    }

    [Fact]
    public async Task Passes_when_PING_is_answered_with_PONG()
    {
        await using var server = LoopbackTcpServer.Redis();

        var result = await RunAsync($"127.0.0.1:{server.Port}", send: "PING\r\n", contains: "+PONG");

        AssertResult(result, ProbeOutcome.Pass, FailureClass.None, $"answer containing '+PONG' from 127.0.0.1:{server.Port} in ",
            "resolve", "connect");
    }

    [Fact]
    public async Task Resolves_a_host_name_and_tries_each_address()
    {
        // localhost comes from the hosts file, often as ::1 first; the server listens on 127.0.0.1 only.
        await using var server = LoopbackTcpServer.SmtpBanner();

        var result = await RunAsync($"localhost:{server.Port}", contains: "220");

        AssertResult(result, ProbeOutcome.Pass, FailureClass.None, $"answer containing '220' from localhost:{server.Port} in ",
            "resolve", "connect");
    }

    [Fact]
    public async Task Fails_with_the_answer_when_it_lacks_the_expected_text()
    {
        await using var server = LoopbackTcpServer.Redis();

        var result = await RunAsync($"127.0.0.1:{server.Port}", send: "HELLO\r\n", contains: "+PONG", timeout: ShortTimeout);

        AssertResult(result, ProbeOutcome.Fail, FailureClass.Assertion, "answer: expected to contain '+PONG', got '-ERR unknown'",
            "resolve", "connect");
        Assert.Equal("answer: expected to contain '+PONG', got '-ERR unknown'", result.Message);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Fails_with_a_timeout_when_the_server_says_nothing()
    {
        await using var server = LoopbackTcpServer.Silent();

        var result = await RunAsync($"127.0.0.1:{server.Port}", contains: "220", timeout: ShortTimeout);

        var expected = $"timeout: no answer from 127.0.0.1:{server.Port} within 500ms (expected one containing '220')";
        AssertResult(result, ProbeOutcome.Fail, FailureClass.Timeout, expected, "resolve", "connect");
        Assert.Equal(expected, result.Message);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Fails_when_the_server_hangs_up_without_answering()
    {
        await using var server = LoopbackTcpServer.HangsUp();

        var result = await RunAsync($"127.0.0.1:{server.Port}", contains: "220");

        const string expected = "answer: expected to contain '220', got nothing before the server closed the connection";
        AssertResult(result, ProbeOutcome.Fail, FailureClass.Assertion, expected, "resolve", "connect");
        Assert.Equal(expected, result.Message);
    }

    [Fact]
    public async Task Fails_with_connection_refused_when_nothing_listens()
    {
        var port = FreePort.Next();

        var result = await RunAsync($"127.0.0.1:{port}", contains: "220");

        var expected = $"connect: ConnectionRefused to 127.0.0.1:{port}";
        AssertResult(result, ProbeOutcome.Fail, FailureClass.Connect, expected, "resolve", "connect");
        Assert.Equal(expected, result.Message);
    }

    [Fact]
    public async Task Fails_when_slower_than_the_latency_limit()
    {
        await using var server = LoopbackTcpServer.SmtpBanner(delay: TimeSpan.FromMilliseconds(400));

        var result = await RunAsync($"127.0.0.1:{server.Port}", contains: "220", maxLatency: TimeSpan.FromMilliseconds(100));

        // The exact time varies with the machine's load; the banner cannot have come before the server's delay.
        AssertResult(result, ProbeOutcome.Fail, FailureClass.Latency, "latency: expected at most 100ms, took ", "resolve", "connect");
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Throws_when_the_caller_cancels()
    {
        await using var server = LoopbackTcpServer.Silent();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RunAsync($"127.0.0.1:{server.Port}", contains: "220", cancellationToken: cancel.Token));
    }
}
