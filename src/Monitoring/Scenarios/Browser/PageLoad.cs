using Microsoft.Playwright;

namespace Monitoring.Scenarios.Browser;

/// <summary>
/// Waits for the page's load event after a step's action, in short slices up to the step's deadline.
/// </summary>
/// <remarks>
/// Why slices: Playwright's .NET client (1.64) checks whether "load" has already fired and then subscribes to the
/// event, without a lock between the two, while its connection thread records the event. A load that lands in between is
/// never seen, and one wait for the whole budget then runs it out on a page that loaded long ago (CI saw it once: the
/// sign-in step timed out after a minute with only "networkidle" in the call log). Each slice checks the fired states
/// again, so a missed event costs at most one slice, and a page that really is slow still gets the step's whole budget.
/// </remarks>
public static class PageLoad
{
    /// <summary>How long one wait lasts before the fired states are checked again.</summary>
    public static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(250);

    /// <summary>Returns once the page has loaded; throws Playwright's <see cref="TimeoutException"/> (with its call log)
    /// when <paramref name="deadline"/> passes first.</summary>
    public static async Task WaitAsync(IPage page, TimeProvider time, long deadline, float budgetMs)
    {
        var slice = (float)Slice.TotalMilliseconds;
        while (true)
        {
            var left = BrowserExpectations.Remaining(time, deadline, budgetMs);
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = Math.Min(left, slice) });
                return;
            }
            catch (TimeoutException) when (left > slice)
            {
                // Not loaded yet, or loaded while the wait was being set up: look again.
            }
        }
    }
}
