using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Monitoring.Scenarios.Browser;

namespace Monitoring.Tests.Scenarios.Browser;

/// <summary>
/// The wait for a page's load after a step's action. Playwright's client can miss a load event that fires while it sets
/// up its wait (a race no test can start on demand), so these tests stand a page in for Chromium whose waits run out
/// the way a missed event makes them, on a clock that the page moves forward by each wait's timeout.
/// </summary>
public sealed class PageLoadTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private long DeadlineIn(TimeSpan budget) => _time.GetTimestamp() + (long)(budget.TotalSeconds * _time.TimestampFrequency);

    [Fact]
    public async Task A_load_event_missed_by_one_wait_is_found_by_the_next_slice_not_after_the_whole_budget()
    {
        var page = ScriptedPage.Create(_time, loadedOnCall: 2);

        await PageLoad.WaitAsync(page.Page, _time, DeadlineIn(TimeSpan.FromMinutes(1)), 60_000);

        Assert.Equal([250f, 250f], page.Timeouts);
    }

    [Fact]
    public async Task A_page_that_never_loads_gets_the_whole_budget_then_playwrights_timeout()
    {
        var page = ScriptedPage.Create(_time, loadedOnCall: null);
        var started = _time.GetTimestamp();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => PageLoad.WaitAsync(page.Page, _time, DeadlineIn(TimeSpan.FromSeconds(1.1)), 1100));

        Assert.Equal([250f, 250f, 250f, 250f, 100f], page.Timeouts);
        Assert.Equal(TimeSpan.FromSeconds(1.1), _time.GetElapsedTime(started));
        Assert.Contains("Timeout 100ms exceeded", error.Message);
    }

    [Fact]
    public async Task A_budget_shorter_than_a_slice_is_one_wait_of_that_budget()
    {
        var page = ScriptedPage.Create(_time, loadedOnCall: null);

        await Assert.ThrowsAsync<TimeoutException>(() => PageLoad.WaitAsync(page.Page, _time, DeadlineIn(TimeSpan.FromMilliseconds(80)), 80));

        Assert.Equal([80f], page.Timeouts);
    }

    [Fact]
    public async Task A_page_already_loaded_is_one_wait()
    {
        var page = ScriptedPage.Create(_time, loadedOnCall: 1);

        await PageLoad.WaitAsync(page.Page, _time, DeadlineIn(TimeSpan.FromSeconds(30)), 30_000);

        Assert.Single(page.Timeouts);
    }

    /// <summary>An <see cref="IPage"/> that answers only <c>WaitForLoadStateAsync</c>: loaded from the given call on,
    /// otherwise a wait that lasts its timeout on the clock and then fails as Playwright's does.</summary>
    public class ScriptedPage : DispatchProxy
    {
        private FakeTimeProvider _time = null!;
        private int? _loadedOnCall;

        public List<float> Timeouts { get; } = [];

        public IPage Page { get; private set; } = null!;

        public static ScriptedPage Create(FakeTimeProvider time, int? loadedOnCall)
        {
            var page = DispatchProxy.Create<IPage, ScriptedPage>();
            var script = (ScriptedPage)(object)page;
            script._time = time;
            script._loadedOnCall = loadedOnCall;
            script.Page = page;
            return script;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method?.Name != nameof(IPage.WaitForLoadStateAsync))
                throw new NotSupportedException($"the page under test only waits for its load, not {method?.Name}");
            Assert.Equal(LoadState.Load, args![0]);
            var timeout = ((PageWaitForLoadStateOptions)args[1]!).Timeout!.Value;
            Timeouts.Add(timeout);
            if (Timeouts.Count >= _loadedOnCall) return Task.CompletedTask;
            _time.Advance(TimeSpan.FromMilliseconds(timeout));
            return Task.FromException(new TimeoutException($"Timeout {timeout}ms exceeded.\nCall log:\n  - \"networkidle\" event fired"));
        }
    }
}
