using Monitoring.Incidents;

namespace Monitoring.Storage;

/// <summary>Check states, incidents and the hourly availability rollups.</summary>
public interface IIncidentStore
{
    Task<CheckState?> GetStateAsync(string checkId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CheckState>> ListStatesAsync(CancellationToken cancellationToken);

    /// <summary>In one transaction: saves the new state, adds the availability slices to the rollups, and opens,
    /// updates or resolves the check's incident as the events say.</summary>
    Task SaveEvaluationAsync(CheckState state, IReadOnlyList<AvailabilitySlice> slices, IReadOnlyList<CheckEvent> events,
        string lastMessage, CancellationToken cancellationToken);

    /// <summary>Incidents, newest first; of one check when <paramref name="checkId"/> is given.</summary>
    Task<IReadOnlyList<Incident>> ListIncidentsAsync(string? checkId, int limit, CancellationToken cancellationToken);

    Task<Incident?> GetIncidentAsync(long id, CancellationToken cancellationToken);

    /// <summary>The check's open incident, if any.</summary>
    Task<Incident?> GetOpenIncidentAsync(string checkId, CancellationToken cancellationToken);

    /// <summary>Records the first notification of an incident (later ones keep the first time).</summary>
    Task MarkNotifiedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Acknowledges an open incident; false when it is unknown, resolved or already acknowledged.</summary>
    Task<bool> AcknowledgeAsync(long id, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Time per category for a check over the hour buckets that start in [from, to).</summary>
    Task<AvailabilityTotals> AvailabilityAsync(string checkId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
