using Monitoring.Incidents;

namespace Monitoring.Tests.Incidents;

public sealed class AvailabilityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static CheckState Evaluated(CheckStatus status, DateTimeOffset at, bool maintenance = false) =>
        CheckState.New("home", T0) with { Status = status, LastEvaluatedAt = at, InMaintenance = maintenance };

    [Theory]
    [InlineData(CheckStatus.Up, false, TimeCategory.Up)]
    [InlineData(CheckStatus.Pending, false, TimeCategory.Up)]
    [InlineData(CheckStatus.Degraded, false, TimeCategory.Degraded)]
    [InlineData(CheckStatus.Down, false, TimeCategory.Down)]
    [InlineData(CheckStatus.Recovering, false, TimeCategory.Down)]
    [InlineData(CheckStatus.Unknown, false, TimeCategory.Unknown)]
    [InlineData(CheckStatus.Down, true, TimeCategory.Maintenance)]
    public void Counts_each_state_in_its_category(CheckStatus status, bool maintenance, TimeCategory expected) =>
        Assert.Equal(expected, Availability.CategoryOf(Evaluated(status, T0, maintenance)));

    [Fact]
    public void Attributes_the_time_since_the_last_evaluation_to_the_state_it_was_in()
    {
        var slices = Availability.Attribute(Evaluated(CheckStatus.Down, T0.AddMinutes(59)), T0.AddMinutes(60), Minute);

        Assert.Equal([new AvailabilitySlice(T0, TimeCategory.Down, Minute)], slices);
    }

    [Fact]
    public void Cuts_at_hour_boundaries()
    {
        var slices = Availability.Split(T0.AddMinutes(50), T0.AddMinutes(130), TimeCategory.Up).ToList();

        Assert.Equal(
        [
            new AvailabilitySlice(T0, TimeCategory.Up, TimeSpan.FromMinutes(10)),
            new AvailabilitySlice(T0.AddHours(1), TimeCategory.Up, TimeSpan.FromMinutes(60)),
            new AvailabilitySlice(T0.AddHours(2), TimeCategory.Up, TimeSpan.FromMinutes(10)),
        ], slices);
    }

    [Fact]
    public void Counts_a_long_silence_as_unknown_beyond_two_intervals()
    {
        var slices = Availability.Attribute(Evaluated(CheckStatus.Up, T0), T0.AddMinutes(30), Minute);

        var totals = Availability.Sum(slices);
        Assert.Equal((TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(28)), (totals.Up, totals.Unknown));
    }

    [Fact]
    public void Attributes_nothing_before_the_first_evaluation()
    {
        Assert.Empty(Availability.Attribute(CheckState.New("home", T0), T0.AddMinutes(1), Minute));
    }

    [Theory]
    // up, degraded, down, maintenance, unknown (minutes) → availability
    [InlineData(1440, 0, 0, 0, 0, 1.0)]
    [InlineData(1425, 0, 15, 0, 0, 0.989583333)]
    [InlineData(1395, 0, 15, 30, 0, 0.989361702)]
    [InlineData(1000, 425, 15, 0, 0, 0.989583333)]
    [InlineData(700, 0, 20, 0, 720, 0.972222222)]
    public void Computes_availability_from_down_time_over_observed_time_without_maintenance(
        int up, int degraded, int down, int maintenance, int unknown, double expected)
    {
        var totals = new AvailabilityTotals(TimeSpan.FromMinutes(up), TimeSpan.FromMinutes(degraded), TimeSpan.FromMinutes(down),
            TimeSpan.FromMinutes(maintenance), TimeSpan.FromMinutes(unknown));

        Assert.Equal(expected, totals.Ratio!.Value, 6);
    }

    [Fact]
    public void Has_no_availability_when_nothing_was_observed()
    {
        var onlyMaintenance = AvailabilityTotals.Zero with { Maintenance = TimeSpan.FromHours(1) };

        Assert.Null(onlyMaintenance.Ratio);
    }
}
