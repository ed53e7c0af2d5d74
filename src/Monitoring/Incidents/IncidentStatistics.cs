namespace Monitoring.Incidents;

/// <summary>Mean times to detect, acknowledge and resolve over a set of incidents (each mean over the incidents that have it).</summary>
public sealed record IncidentStatistics(int Count, TimeSpan? MeanTimeToDetect, TimeSpan? MeanTimeToAcknowledge, TimeSpan? MeanTimeToResolve)
{
    public static IncidentStatistics Of(IEnumerable<Incident> incidents)
    {
        var list = incidents.ToList();
        static TimeSpan? Mean(IEnumerable<TimeSpan> spans)
        {
            var values = spans.ToList();
            return values.Count == 0 ? null : TimeSpan.FromTicks((long)values.Average(v => v.Ticks));
        }
        return new IncidentStatistics(list.Count,
            Mean(list.Select(i => i.TimeToDetect)),
            Mean(list.Select(i => i.TimeToAcknowledge).OfType<TimeSpan>()),
            Mean(list.Select(i => i.TimeToResolve).OfType<TimeSpan>()));
    }
}
