using Microsoft.Extensions.Time.Testing;
using Monitoring.Probes;

namespace Monitoring.Tests.Probes;

/// <summary>The clock, deadline, phases and results every probe kind starts a run with, on a fake clock.</summary>
public sealed class ProbeRunTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static readonly ProbeDefinition Probe = new("checkout", "Checkout", "tcp", TimeSpan.FromMinutes(1),
        TimeSpan.FromSeconds(5), null, new Settings(), "checks/probes/shop.yaml:3");

    private sealed class Settings : IProbeSettings
    {
        public string Target => "shop.test:443";
    }

    [Fact]
    public void A_result_carries_the_probe_the_start_and_the_time_taken_so_far()
    {
        var time = new FakeTimeProvider(Now);
        using var run = ProbeRun.Start(Probe, time, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(250));

        var expires = Now.AddDays(30);
        var result = run.Result(ProbeOutcome.Degraded, "slow", FailureClass.Latency, 200, expires);

        Assert.Equal(("checkout", Now, TimeSpan.FromMilliseconds(250)), (result.ProbeId, result.StartedAt, result.Duration));
        Assert.Equal((ProbeOutcome.Degraded, 200, "slow"), (result.Outcome, result.StatusCode, result.Message));
        Assert.Equal((FailureClass.Latency, expires), (result.Failure, result.CertificateExpiresAt));
    }

    [Fact]
    public void A_pass_has_no_failure_status_or_expiry()
    {
        using var run = ProbeRun.Start(Probe, new FakeTimeProvider(Now), CancellationToken.None);

        var result = run.Result(ProbeOutcome.Pass, "connected");

        Assert.Equal((FailureClass.None, (int?)null, (DateTimeOffset?)null), (result.Failure, result.StatusCode, result.CertificateExpiresAt));
    }

    [Fact]
    public void Fail_is_a_failed_result_of_the_class_given()
    {
        using var run = ProbeRun.Start(Probe, new FakeTimeProvider(Now), CancellationToken.None);

        var result = run.Fail(FailureClass.Connect, "connect: ConnectionRefused");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Connect, "connect: ConnectionRefused"),
            (result.Outcome, result.Failure, result.Message));
    }

    [Fact]
    public void Every_result_has_a_run_id_of_its_own()
    {
        using var run = ProbeRun.Start(Probe, new FakeTimeProvider(Now), CancellationToken.None);

        Assert.NotEqual(run.Result(ProbeOutcome.Pass, "ok").RunId, run.Result(ProbeOutcome.Pass, "ok").RunId);
    }

    [Fact]
    public void Each_phase_lasts_from_the_previous_mark_and_the_first_from_the_start()
    {
        var time = new FakeTimeProvider(Now);
        using var run = ProbeRun.Start(Probe, time, CancellationToken.None);

        time.Advance(TimeSpan.FromMilliseconds(30));
        var resolve = run.Mark("resolve");
        time.Advance(TimeSpan.FromMilliseconds(70));
        run.Mark("connect");
        time.Advance(TimeSpan.FromMilliseconds(5));

        Assert.Equal(TimeSpan.FromMilliseconds(30), resolve);
        Assert.Equal(
            new Dictionary<string, TimeSpan> { ["resolve"] = TimeSpan.FromMilliseconds(30), ["connect"] = TimeSpan.FromMilliseconds(70) },
            run.Result(ProbeOutcome.Pass, "ok").Phases);
        Assert.Equal(TimeSpan.FromMilliseconds(105), run.Elapsed);
    }

    [Fact]
    public void The_deadline_ends_at_the_timeout_on_the_injected_clock()
    {
        var time = new FakeTimeProvider(Now);
        using var run = ProbeRun.Start(Probe, time, CancellationToken.None);

        time.Advance(Probe.Timeout - TimeSpan.FromTicks(1));
        Assert.False(run.Deadline.IsCancellationRequested);
        Assert.False(run.TimedOut);

        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(run.Deadline.IsCancellationRequested);
        Assert.True(run.TimedOut);
    }

    [Fact]
    public void The_callers_cancellation_ends_the_deadline_but_is_no_timeout()
    {
        var time = new FakeTimeProvider(Now);
        using var caller = new CancellationTokenSource();
        using var run = ProbeRun.Start(Probe, time, caller.Token);

        caller.Cancel();
        time.Advance(Probe.Timeout);

        Assert.True(run.Deadline.IsCancellationRequested);
        Assert.False(run.TimedOut);
    }
}
