using Monitoring.Scenarios.Browser;

namespace Monitoring.Tests.Scenarios.Browser;

/// <summary>A step that times out says what the browser was still waiting for, from Playwright's call log.</summary>
public sealed class BrowserCallLogTests
{
    [Fact]
    public void Takes_the_last_step_of_the_call_log()
    {
        const string message = "Timeout 57000ms exceeded.\nCall log:\n  - waiting for Locator(\"a#checkout\").First\n" +
                               "  -   locator resolved to <a id=\"checkout\" href=\"/checkout/delivery\">Proceed</a>\n" +
                               "  - attempting click action\n  -   waiting for element to be visible, enabled and stable\n";

        Assert.Equal("waiting for element to be visible, enabled and stable", BrowserHost.LastCallLogLine(message));
    }

    [Fact]
    public void Reads_the_older_logs_block_too()
    {
        const string message = "Timeout 30000ms exceeded.\n=========================== logs ===========================\n" +
                               "waiting for selector \"#to-payment\"\n  selector resolved to visible <button id=\"to-payment\">\n" +
                               "attempting click action\n  waiting for scheduled navigations to finish\n" +
                               "============================================================";

        Assert.Equal("waiting for scheduled navigations to finish", BrowserHost.LastCallLogLine(message));
    }

    [Theory]
    [InlineData("Timeout 1000ms exceeded.")]
    [InlineData("Timeout 1000ms exceeded.\nCall log:\n")]
    public void Says_nothing_without_a_call_log(string message) => Assert.Null(BrowserHost.LastCallLogLine(message));
}
