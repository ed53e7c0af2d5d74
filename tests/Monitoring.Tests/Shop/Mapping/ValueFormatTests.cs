using Monitoring.Shop.Mapping;

namespace Monitoring.Tests.Shop.Mapping;

public sealed class ValueFormatTests
{
    public static TheoryData<char, char?, string, decimal?> Numbers => new()
    {
        { '.', null, "12.50", 12.50m },
        { '.', null, "-3", -3m },
        { '.', null, " 7 ", 7m },
        { '.', null, "1 234.5", 1234.5m },
        { '.', ',', "1,234.5", 1234.5m },
        { '.', null, "1,234.5", null },
        { ',', null, "12,5", 12.5m },
        { ',', '.', "1.234,56", 1234.56m },
        { ',', null, "1\u00A0234,56", 1234.56m },
        { ',', null, "1.234,56", null },
        { '.', null, "12-", -12m },
        { '.', null, "1E3", 1000m },
        { '.', null, "abc", null },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Parses_numbers_with_the_source_separators(char decimalSeparator, char? thousands, string text, decimal? expected)
    {
        var format = new ValueFormat(decimalSeparator, thousands);

        var ok = format.TryParseNumber(text, out var value);

        Assert.Equal(expected, ok ? value : null);
    }

    public static TheoryData<string, string, string?> Timestamps => new()
    {
        { "Europe/Paris", "05/03/2024 14:00", "2024-03-05T13:00:00Z" },
        { "Europe/Paris", "05/07/2024 14:00", "2024-07-05T12:00:00Z" },
        { "Europe/Paris", "2024-07-05 14:00:00", "2024-07-05T12:00:00Z" },
        { "Europe/Paris", "2024-07-05T14:00:00+00:00", "2024-07-05T14:00:00Z" },
        { "Europe/Paris", "2024-07-05T14:00:00.123Z", "2024-07-05T14:00:00.123Z" },
        { "Europe/Paris", "31/03/2024 02:30", "2024-03-31T01:30:00Z" },
        { "UTC", "2024-07-05", "2024-07-05T00:00:00Z" },
        { "UTC", "07/05/2024", null },
        { "UTC", "yesterday", null },
    };

    [Theory]
    [MemberData(nameof(Timestamps))]
    public void Parses_timestamps_in_the_source_time_zone(string zone, string text, string? expectedUtc)
    {
        var format = new ValueFormat(dateFormats: ["dd/MM/yyyy HH:mm"], timeZone: TimeZoneInfo.FindSystemTimeZoneById(zone));

        var ok = format.TryParseTimestamp(text, null, out var utc);

        Assert.Equal(expectedUtc, ok ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'") : null);
    }

    [Theory]
    [InlineData("true", true), InlineData("YES", true), InlineData("y", true), InlineData("1", true)]
    [InlineData("false", false), InlineData("No", false), InlineData("n", false), InlineData("0", false)]
    public void Reads_booleans_written_in_every_common_way(string text, bool expected)
    {
        Assert.True(ValueFormat.TryParseBoolean(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Refuses_a_boolean_it_cannot_read() => Assert.False(ValueFormat.TryParseBoolean("maybe", out _));
}
