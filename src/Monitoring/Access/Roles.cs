namespace Monitoring.Access;

/// <summary>The roles a user can hold. A role is a set of pages and endpoints, not a rank: admin is given every policy explicitly.</summary>
public static class Roles
{
    /// <summary>Managers: KPIs, reports and uptime pages.</summary>
    public const string Viewer = "viewer";

    /// <summary>Operations: checks, incidents, acknowledgements.</summary>
    public const string Ops = "ops";

    /// <summary>Catalogue teams: the data-quality pages.</summary>
    public const string Catalogue = "catalogue";

    /// <summary>Configuration, the Hangfire dashboard, users, API keys and the audit log.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Ops, Catalogue, Admin];
}
