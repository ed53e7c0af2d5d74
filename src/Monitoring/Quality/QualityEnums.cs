namespace Monitoring.Quality;

/// <summary>How bad a failure is. Blockers gate the grade; info findings are listed but never scored.</summary>
public enum QualitySeverity
{
    Info,
    Minor,
    Major,
    Blocker,
}

/// <summary>The quality dimension a rule measures (research §3: the dimensions data teams report on).</summary>
public enum QualityDimension
{
    Completeness,
    Validity,
    Consistency,
    Uniqueness,
    Integrity,
    Timeliness,
    Enrichment,
    Media,
}

/// <summary>The default weights and the names the YAML uses.</summary>
public static class QualityNames
{
    /// <summary>The weight of a rule that does not set one: blocker 10, major 4, minor 1, info 0 (research §6.1).</summary>
    public static double DefaultWeight(QualitySeverity severity) => severity switch
    {
        QualitySeverity.Blocker => 10,
        QualitySeverity.Major => 4,
        QualitySeverity.Minor => 1,
        _ => 0,
    };

    /// <summary>The entities rules may be declared on.</summary>
    public static IReadOnlyList<string> Entities { get; } = ["product", "tier_price", "media", "account", "contact", "address", "order"];

    /// <summary>The domain an entity's scores roll up into: catalogue, customers or media.</summary>
    public static string DomainOf(string entity) => entity switch
    {
        "product" or "tier_price" or "product_translation" => "catalogue",
        "media" => "media",
        _ => "customers",
    };

    public static string Name(QualitySeverity severity) => severity.ToString().ToLowerInvariant();

    public static string Name(QualityDimension dimension) => dimension.ToString().ToLowerInvariant();

    /// <summary>Parses the lower-case YAML name of a severity or dimension.</summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (candidate.ToString().ToLowerInvariant() != text) continue;
            value = candidate;
            return true;
        }
        value = default;
        return false;
    }

    public static string Known<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
}
