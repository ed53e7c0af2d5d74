using Microsoft.Playwright;
using Monitoring.Checks.Yaml;

namespace Monitoring.Scenarios.Browser;

/// <summary>
/// What the page must show after a browser step, from <c>expect:</c>, each waited for up to the step's timeout (pages
/// that render with JavaScript show things late): <c>css</c> (an element is visible), <c>text</c> (the page's text
/// contains it; with <c>css</c>, that element's text), <c>url</c> (the address contains it), <c>title</c> (the title
/// contains it). Every text may hold <c>{{name}}</c>.
/// </summary>
public sealed record BrowserExpectations(string? Css, string? Text, string? Url, string? Title)
{
    public static BrowserExpectations None { get; } = new(null, null, null, null);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public bool IsEmpty => this == None;

    public IEnumerable<string> Templates => new[] { Css, Text, Url, Title }.OfType<string>();

    public static BrowserExpectations Read(ConfigNode step)
    {
        var expect = step.Child("expect");
        if (expect is null || !expect.ExpectMapping()) return None;
        var expectations = new BrowserExpectations(expect.String("css"), expect.String("text"), expect.String("url"), expect.String("title"));
        expect.RejectUnknownKeys();
        if (expectations.IsEmpty) expect.Error("expect needs at least one of css, text, url, title");
        return expectations;
    }

    /// <summary>The first unmet expectation, null when all are met; waits at most until <paramref name="deadline"/>.</summary>
    public async Task<string?> CheckAsync(IPage page, Func<string, string> fill, TimeProvider time, long deadline, float timeoutMs,
        CancellationToken cancellationToken)
    {
        if (Css is not null || Text is not null)
        {
            var css = Css is null ? null : fill(Css);
            var text = Text is null ? null : fill(Text);
            var locator = page.Locator(css ?? "body");
            if (text is not null) locator = locator.Filter(new LocatorFilterOptions { HasText = text });
            try
            {
                await locator.First.WaitForAsync(new LocatorWaitForOptions
                {
                    State = css is null ? WaitForSelectorState.Attached : WaitForSelectorState.Visible,
                    Timeout = Remaining(time, deadline, timeoutMs),
                });
            }
            catch (TimeoutException)
            {
                return (css, text) switch
                {
                    (null, _) => $"text '{text}' is not on the page",
                    (_, null) => $"no visible element matches '{css}'",
                    _ => await page.Locator(css).CountAsync() == 0
                        ? $"no visible element matches '{css}'"
                        : $"'{css}' does not contain '{text}' (found '{Shorten(await page.Locator(css).First.InnerTextAsync(new() { Timeout = 1000 }))}')",
                };
            }
        }
        if (Url is not null && !await EventuallyAsync(() => Task.FromResult(page.Url.Contains(fill(Url), StringComparison.Ordinal)),
                time, deadline, cancellationToken))
            return $"the address is '{page.Url}' (expected it to contain '{fill(Url)}')";
        if (Title is not null && !await EventuallyAsync(async () => (await page.TitleAsync()).Contains(fill(Title), StringComparison.Ordinal),
                time, deadline, cancellationToken))
            return $"the title is '{await page.TitleAsync()}' (expected it to contain '{fill(Title)}')";
        return null;
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeProvider time, long deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await condition()) return true;
            if (time.GetTimestamp() >= deadline) return false;
            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    /// <summary>Milliseconds until the deadline, at least 1 (Playwright reads 0 as "no timeout").</summary>
    public static float Remaining(TimeProvider time, long deadline, float timeoutMs)
    {
        var left = (float)time.GetElapsedTime(time.GetTimestamp(), deadline).TotalMilliseconds;
        return Math.Max(1, Math.Min(timeoutMs, left));
    }

    private static string Shorten(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= 120 ? collapsed : collapsed[..117] + "...";
    }
}
