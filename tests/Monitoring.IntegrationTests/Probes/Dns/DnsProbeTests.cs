using DnsClient;
using Monitoring.Probes;
using Monitoring.Probes.DnsLookup;
using Monitoring.Probes.Tcp;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Probes.DnsLookup;

/// <summary>
/// The dns probe against a real DNS server on loopback (never a public resolver: tests run offline): found, missing,
/// wrong, failing and unanswered names, and what each result says.
/// </summary>
public sealed class DnsProbeTests : IAsyncLifetime
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);

    private readonly LoopbackDnsServer _server = new LoopbackDnsServer()
        .WithA("shop.test", "10.0.0.5", "10.0.0.6")
        .WithTxt("shop.test", "v=spf1 -all")
        .Broken("broken.shop.test");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Task<ProbeResult> RunAsync(
        string name, string resolver, QueryType type = QueryType.A, string? contains = null,
        DnsHeaderResponseCode rcode = DnsHeaderResponseCode.NoError, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        Assert.True(HostPort.TryParse(resolver, 53, "x:1", out var address, out var problem), problem);
        var settings = new DnsProbeSettings
        {
            Name = name,
            RecordType = type,
            Resolver = address,
            ExpectedRcode = rcode,
            AnswersMin = rcode == DnsHeaderResponseCode.NoError ? 1 : 0,
            AnswerContains = contains,
        };
        var definition = new ProbeDefinition("t", "t", "dns", TimeSpan.FromSeconds(30), timeout ?? TimeSpan.FromSeconds(5), null, settings, "test:1");
        return new DnsProbe(TimeProvider.System).RunAsync(definition, cancellationToken);
    }

    /// <summary>Outcome, class and message exactly; the message's variable end (a duration) is matched by its start.</summary>
    private static void AssertResult(ProbeResult result, ProbeOutcome outcome, FailureClass failure, string message, bool exact, params string[] phases)
    {
        var actual = (result.Outcome, result.Failure, result.Message);
        var messageHolds = exact ? result.Message == message : result.Message.StartsWith(message, StringComparison.Ordinal);
        Assert.True(actual.Outcome == outcome && actual.Failure == failure && messageHolds,
            $"expected ({outcome}, {failure}, {(exact ? "" : "a message starting with ")}'{message}'), got {actual}");
        Assert.True(phases.SequenceEqual(result.Phases.Keys),
            $"expected the phases [{string.Join(", ", phases)}], got [{string.Join(", ", result.Phases.Keys)}]");
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task Passes_with_the_expected_address()
    {
        var result = await RunAsync("shop.test", _server.Address, contains: "10.0.0.5");

        AssertResult(result, ProbeOutcome.Pass, FailureClass.None, "NOERROR with 2 A records [10.0.0.5, 10.0.0.6] in ", exact: false, "resolve");
        Assert.True(result.Phases["resolve"] > TimeSpan.Zero, $"expected a resolve time above zero, got {result.Phases["resolve"]}");
    }

    [Fact]
    public async Task Passes_with_a_TXT_record_read_as_its_text()
    {
        var result = await RunAsync("shop.test", _server.Address, QueryType.TXT, contains: "v=spf1");

        AssertResult(result, ProbeOutcome.Pass, FailureClass.None, "NOERROR with 1 TXT record [v=spf1 -all] in ", exact: false, "resolve");
    }

    [Fact]
    public async Task Fails_with_NXDOMAIN_for_a_name_that_does_not_exist()
    {
        var result = await RunAsync("gone.shop.test", _server.Address);

        AssertResult(result, ProbeOutcome.Fail, FailureClass.Dns, "rcode: expected NOERROR, got NXDOMAIN", exact: true, "resolve");
    }

    [Fact]
    public async Task Passes_when_a_name_that_must_not_exist_does_not()
    {
        var result = await RunAsync("gone.shop.test", _server.Address, rcode: DnsHeaderResponseCode.NotExistentDomain);

        AssertResult(result, ProbeOutcome.Pass, FailureClass.None, "NXDOMAIN with 0 A records in ", exact: false, "resolve");
    }

    [Fact]
    public async Task Fails_when_no_answer_contains_the_expected_text()
    {
        var result = await RunAsync("shop.test", _server.Address, contains: "10.0.0.9");

        AssertResult(result, ProbeOutcome.Fail, FailureClass.Assertion,
            "answers: expected one containing '10.0.0.9', got [10.0.0.5, 10.0.0.6]", exact: true, "resolve");
    }

    [Fact]
    public async Task Fails_when_the_name_has_no_record_of_the_type()
    {
        var result = await RunAsync("shop.test", _server.Address, QueryType.AAAA);

        AssertResult(result, ProbeOutcome.Fail, FailureClass.Dns, "answers: expected at least 1 AAAA record, got 0", exact: true, "resolve");
    }

    [Fact]
    public async Task Fails_with_SERVFAIL_when_the_server_fails()
    {
        var result = await RunAsync("broken.shop.test", _server.Address);

        AssertResult(result, ProbeOutcome.Fail, FailureClass.Dns, "rcode: expected NOERROR, got SERVFAIL", exact: true, "resolve");
    }

    [Fact]
    public async Task Fails_with_a_timeout_when_nothing_answers_on_the_resolver_port()
    {
        // Nothing listens there: the ICMP "port unreachable" does not reach DnsClient, which waits for the deadline.
        var resolver = $"127.0.0.1:{FreePort.Next()}";

        var result = await RunAsync("shop.test", resolver, timeout: ShortTimeout);

        AssertResult(result, ProbeOutcome.Fail, FailureClass.Timeout, $"timeout: no answer from {resolver} within 500ms", exact: true);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Throws_when_the_caller_cancels()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RunAsync("shop.test", $"127.0.0.1:{FreePort.Next()}", cancellationToken: cancel.Token));
    }
}
