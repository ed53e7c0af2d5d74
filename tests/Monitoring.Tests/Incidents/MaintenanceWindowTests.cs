using Monitoring.Incidents;

namespace Monitoring.Tests.Incidents;

/// <summary>Recurring windows in a time zone, across the two daylight-saving changes of 2026 in Paris.</summary>
public sealed class MaintenanceWindowTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // Every night at 02:30 Paris time, for one hour.
    private static readonly MaintenanceWindow Nightly = new("nightly", "30 2 * * *", TimeSpan.FromHours(1), Paris);

    [Theory]
    // A winter night (UTC+1): 02:30–03:30 local is 01:30–02:30 UTC.
    [InlineData("2026-01-15T01:29:59Z", false)]
    [InlineData("2026-01-15T01:30:00Z", true)]
    [InlineData("2026-01-15T02:29:59Z", true)]
    [InlineData("2026-01-15T02:30:00Z", false)]
    // A summer night (UTC+2): 02:30–03:30 local is 00:30–01:30 UTC; the winter times are now outside.
    [InlineData("2026-07-01T00:30:00Z", true)]
    [InlineData("2026-07-01T01:29:00Z", true)]
    [InlineData("2026-07-01T01:45:00Z", false)]
    // 29 March 2026: clocks jump from 02:00 to 03:00, so 02:30 does not exist; the window opens at 03:00 local (01:00 UTC).
    [InlineData("2026-03-29T00:59:00Z", false)]
    [InlineData("2026-03-29T01:00:00Z", true)]
    [InlineData("2026-03-29T01:59:00Z", true)]
    [InlineData("2026-03-29T02:00:00Z", false)]
    // 25 October 2026: 02:30 happens twice; the window opens once, at the first (00:30 UTC), for one hour.
    [InlineData("2026-10-25T00:29:00Z", false)]
    [InlineData("2026-10-25T00:30:00Z", true)]
    [InlineData("2026-10-25T01:29:00Z", true)]
    [InlineData("2026-10-25T01:31:00Z", false)]
    public void Opens_at_local_time_whatever_the_season(string instant, bool inside) =>
        Assert.Equal(inside, Nightly.Contains(DateTimeOffset.Parse(instant)));

    [Theory]
    // Saturdays 22:00–02:00 New York time, spanning midnight: 8 March 2026 is the US spring-forward night.
    [InlineData("2026-03-08T03:30:00Z", true)]   // Sat 7 Mar 22:30 EST
    [InlineData("2026-03-08T06:30:00Z", true)]   // Sun 8 Mar 01:30 EST, still inside
    [InlineData("2026-03-08T07:30:00Z", false)]  // 03:30 EDT: four hours after 22:00 EST have passed
    [InlineData("2026-03-14T03:30:00Z", false)]  // Fri 13 Mar 23:30 EDT: not a Saturday
    public void Spans_midnight_and_weekdays_in_its_zone(string instant, bool inside)
    {
        var weekly = new MaintenanceWindow("weekly", "0 22 * * 6", TimeSpan.FromHours(4), NewYork);

        Assert.Equal(inside, weekly.Contains(DateTimeOffset.Parse(instant)));
    }
}
