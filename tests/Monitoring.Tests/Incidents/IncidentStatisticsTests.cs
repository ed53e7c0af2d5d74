using Monitoring.Incidents;
using Monitoring.Probes;

namespace Monitoring.Tests.Incidents;

public sealed class IncidentStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset? At(int? minute) => minute is { } m ? T0.AddMinutes(m) : null;

    private static Incident Incident(int detectMin, int? notifyMin, int? ackMin, int? resolveMin) => new(1, "home", FailureClass.Timeout,
        "timeout", "timeout", T0, T0.AddMinutes(detectMin), At(notifyMin), At(ackMin), ackMin is null ? null : "ops", At(resolveMin), null);

    [Fact]
    public void Averages_each_time_over_the_incidents_that_have_it()
    {
        var statistics = IncidentStatistics.Of(
        [
            Incident(detectMin: 2, notifyMin: 3, ackMin: 7, resolveMin: 20),
            Incident(detectMin: 4, notifyMin: 5, ackMin: null, resolveMin: 40),
            Incident(detectMin: 3, notifyMin: null, ackMin: null, resolveMin: null),
        ]);

        Assert.Equal(3, statistics.Count);
        Assert.Equal(TimeSpan.FromMinutes(3), statistics.MeanTimeToDetect);
        Assert.Equal(TimeSpan.FromMinutes(4), statistics.MeanTimeToAcknowledge);
        Assert.Equal(TimeSpan.FromMinutes(30), statistics.MeanTimeToResolve);
    }

    [Fact]
    public void Has_no_means_without_incidents()
    {
        var statistics = IncidentStatistics.Of([]);

        Assert.Equal((0, (TimeSpan?)null, (TimeSpan?)null, (TimeSpan?)null),
            (statistics.Count, statistics.MeanTimeToDetect, statistics.MeanTimeToAcknowledge, statistics.MeanTimeToResolve));
    }
}
