using Monitoring.Incidents;
using Monitoring.Probes;

namespace Monitoring.Tests.Incidents;

/// <summary>
/// The state machine driven from tables. A scenario is a line of runs one minute apart: P passes, D is degraded,
/// F fails; a suffix m means "inside a maintenance window", p means "a parent check is down". Events are written
/// kind@run (1-based): opened, held (opened but held back), released, resolved, flapping, calm.
/// </summary>
public sealed class CheckStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly CheckPolicy Policy = CheckPolicy.Default with { FailureThreshold = 3, RecoveryThreshold = 2 };

    [Theory]
    [InlineData("P", "Up", "")]
    [InlineData("F", "Pending", "")]
    [InlineData("F F", "Pending Pending", "")]
    [InlineData("F F P", "Pending Pending Up", "")]
    [InlineData("F F F", "Pending Pending Down", "opened@3")]
    [InlineData("F F F F", "Pending Pending Down Down", "opened@3")]
    [InlineData("F F F P", "Pending Pending Down Recovering", "opened@3")]
    [InlineData("F F F P P", "Pending Pending Down Recovering Up", "opened@3 resolved@5")]
    [InlineData("F F F P F P P", "Pending Pending Down Recovering Down Recovering Up", "opened@3 resolved@7")]
    [InlineData("D", "Degraded", "")]
    [InlineData("P D P", "Up Degraded Up", "")]
    [InlineData("F F F D D", "Pending Pending Down Recovering Degraded", "opened@3 resolved@5")]
    [InlineData("F P F P F P", "Pending Up Pending Up Pending Up", "")]
    public void Moves_between_states_as_the_table_says(string runs, string statuses, string events)
    {
        var (seen, happened) = Play(runs, Policy);

        Assert.Equal(statuses, string.Join(' ', seen));
        Assert.Equal(events, string.Join(' ', happened));
    }

    [Theory]
    [InlineData("Fm Fm Fm Pm Pm", "held@3 resolved@5")]
    [InlineData("Fm Fm Fm F", "held@3 released@4")]
    [InlineData("Fm Fm Fm Fm F F", "held@3 released@5")]
    [InlineData("Fp Fp Fp Pp Pp", "held@3 resolved@5")]
    [InlineData("Fp Fp Fp F P P", "held@3 released@4 resolved@6")]
    [InlineData("F F Fm P P", "held@3 resolved@5")]
    [InlineData("F F F Fm Pm Pm", "opened@3 resolved@6")]
    public void Holds_back_alerts_in_maintenance_and_below_a_down_parent_but_sends_resolutions(string runs, string events)
    {
        var (_, happened) = Play(runs, Policy);

        Assert.Equal(events, string.Join(' ', happened));
    }

    [Fact]
    public void Marks_a_check_flapping_and_holds_back_its_new_incidents_until_it_calms_down()
    {
        var policy = Policy with { FailureThreshold = 1, RecoveryThreshold = 1, FlappingTransitions = 4, FlappingWindow = TimeSpan.FromMinutes(10) };

        var (_, happened) = Play("F P F P F P P P P P P P P P P F", policy);

        Assert.Equal("opened@1 resolved@2 opened@3 flapping@4 resolved@4 held@5 resolved@6 calm@13 opened@16", string.Join(' ', happened));
    }

    [Fact]
    public void Remembers_the_first_failure_of_the_streak_for_the_time_to_detect()
    {
        var state = CheckState.New("home", T0);
        ProbeResult Run(int minute, bool up) => new(Guid.NewGuid(), "home", T0.AddMinutes(minute), TimeSpan.FromSeconds(1),
            up ? ProbeOutcome.Pass : ProbeOutcome.Fail, up ? 200 : 500, up ? "ok" : "status: expected 2xx, got 500") { Failure = up ? FailureClass.None : FailureClass.HttpStatus };

        var events = new List<CheckEvent>();
        foreach (var (minute, up) in new[] { (0, true), (1, false), (2, false), (3, false) })
        {
            (state, var produced) = CheckStateMachine.Apply(state, Run(minute, up), Policy, new CheckContext(false, null));
            events.AddRange(produced);
        }

        var opened = Assert.Single(events.OfType<IncidentOpened>());
        Assert.Equal(T0.AddMinutes(1), opened.FirstFailureAt);
        Assert.Equal(T0.AddMinutes(3).AddSeconds(1), opened.At);
        Assert.Equal(FailureClass.HttpStatus, opened.Failure);
        Assert.Equal("status: expected 2xx, got 500", opened.Message);
        Assert.True(opened.Notify);
        Assert.Equal(T0.AddMinutes(1), state.FirstFailureAt);
    }

    private static (List<string> Statuses, List<string> Events) Play(string runs, CheckPolicy policy)
    {
        var state = CheckState.New("home", T0);
        var statuses = new List<string>();
        var events = new List<string>();
        var tokens = runs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var outcome = token[0] switch { 'P' => ProbeOutcome.Pass, 'D' => ProbeOutcome.Degraded, _ => ProbeOutcome.Fail };
            var result = new ProbeResult(Guid.NewGuid(), "home", T0.AddMinutes(i), TimeSpan.FromMilliseconds(100), outcome,
                outcome == ProbeOutcome.Fail ? 500 : 200, token);
            var context = new CheckContext(token.Contains('m'), token.Contains('p') ? "storefront" : null);
            (state, var produced) = CheckStateMachine.Apply(state, result, policy, context);
            statuses.Add(state.Status.ToString());
            events.AddRange(produced.Select(e => e switch
            {
                IncidentOpened { Notify: true } => $"opened@{i + 1}",
                IncidentOpened => $"held@{i + 1}",
                IncidentAlertReleased => $"released@{i + 1}",
                IncidentResolved => $"resolved@{i + 1}",
                FlappingChanged { Flapping: true } => $"flapping@{i + 1}",
                FlappingChanged => $"calm@{i + 1}",
                _ => null,
            }).OfType<string>());
        }
        return (statuses, events);
    }
}
