using Monitoring.Checks;

namespace Monitoring.Tests.Checks;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1m30s", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData(" 5m ", 300_000)]
    public void Parses(string text, double milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("3x")]
    [InlineData("10")]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("-5s")]
    [InlineData("5 s")]
    public void Rejects(string text) => Assert.False(Durations.TryParse(text, out _));

    [Theory]
    [InlineData(250, "250ms")]
    [InlineData(2_350, "2.35s")]
    [InlineData(90_000, "1m30s")]
    [InlineData(7_200_000, "2h")]
    public void Formats_the_way_it_parses(double milliseconds, string expected) =>
        Assert.Equal(expected, Durations.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
