namespace Monitoring.Quality;

/// <summary>
/// A rule as declared in <c>checks/quality/*.yaml</c>: what every kind shares, and the kind's evaluator built from
/// its own settings.
/// </summary>
public sealed record QualityRuleDefinition
{
    /// <summary>Unique across files; also the <c>rule</c> label of metrics, so it is a short lower-case name.</summary>
    public required string Id { get; init; }

    /// <summary>The canonical entity whose records the rule checks (product, media, account…).</summary>
    public required string Entity { get; init; }

    public required string Kind { get; init; }

    /// <summary>The records the rule applies to; a record that does not match is left out of its score.</summary>
    public RecordFilter When { get; init; } = RecordFilter.Always;

    public required QualityDimension Dimension { get; init; }

    public required QualitySeverity Severity { get; init; }

    /// <summary>The rule's weight in scores: the severity's default unless set.</summary>
    public required double Weight { get; init; }

    /// <summary>The finding's text, with <c>{field}</c>, <c>{value}</c>, <c>{detail}</c> and <c>{key}</c> filled in.</summary>
    public required string Message { get; init; }

    /// <summary>How to fix it, shown next to the finding.</summary>
    public string? Fix { get; init; }

    /// <summary>Who fixes it (an alert route's team); null leaves the routing to the domain's default.</summary>
    public string? Team { get; init; }

    /// <summary><c>file:line</c> of the declaration, for errors that span files.</summary>
    public required string DeclaredAt { get; init; }

    public required IQualityRule Rule { get; init; }

    /// <summary>A hash of the rule's declaration as written (every key and value, in a canonical order, so that
    /// reformatting the file does not change it): a change makes the next incremental scan a full one. Null for rules
    /// built in code, which <see cref="QualityRuleSet.Hash"/> then describes by their id, kind and entity.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The domain the rule's scores count in (catalogue, customers, media).</summary>
    public string Domain => QualityNames.DomainOf(Entity);
}
