namespace Monitoring.Access;

/// <summary>Who may use the service. Bound from the <c>Monitoring:Access</c> configuration section.</summary>
public sealed class AccessOptions
{
    public const string Section = "Monitoring:Access";

    /// <summary>Local users; passwords are stored as hashes made by <c>monitoring hash-password</c>.</summary>
    public List<LocalUser> Users { get; set; } = [];

    /// <summary>OpenID Connect sign-in; off while <see cref="OidcOptions.Authority"/> is empty.</summary>
    public OidcOptions Oidc { get; set; } = new();

    /// <summary>Whether <c>/metrics</c> answers without a sign-in (Prometheus scrapes it).</summary>
    public bool OpenMetrics { get; set; } = true;

    /// <summary>Whether <c>/healthz</c> and <c>/readyz</c> answer without a sign-in (orchestrators probe them).</summary>
    public bool OpenHealth { get; set; } = true;

    /// <summary>
    /// With no user and no OpenID Connect configured, requests from this machine (loopback, not forwarded by a proxy)
    /// act as an admin named <c>local</c> and every other request needs an API key. Set false to refuse them too.
    /// </summary>
    public bool LocalAdminWhenNoUsers { get; set; } = true;

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts (POST /login) allowed per client address per minute.</summary>
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>Requests allowed per API key per minute.</summary>
    public int ApiKeyPermitsPerMinute { get; set; } = 600;

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Whether anyone can sign in at all; without it the service runs in local mode.</summary>
    /// <summary>
    /// The reverse proxies in front of the service (addresses like <c>10.0.0.5</c> or networks like <c>10.0.0.0/24</c>).
    /// Only from these is <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> believed: the client's address (audit log,
    /// rate limits) and the scheme (secure cookies, links) then come from the proxy's headers. Empty: headers ignored.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public bool HasSignIn => Users.Count > 0 || Oidc.IsConfigured;

    public bool LocalMode => !HasSignIn && LocalAdminWhenNoUsers;

    public IEnumerable<string> Validate()
    {
        foreach (var (user, i) in Users.Select((u, i) => (u, i)))
        {
            var path = $"{Section}:Users:{i}";
            if (string.IsNullOrWhiteSpace(user.Name)) yield return $"{path}:Name: required";
            if (string.IsNullOrWhiteSpace(user.PasswordHash))
                yield return $"{path}:PasswordHash: required (make one with `monitoring hash-password`)";
            if (user.Roles.Count == 0) yield return $"{path}:Roles: at least one of {string.Join(", ", Roles.All)}";
            foreach (var role in user.Roles.Where(r => !Roles.All.Contains(r)))
                yield return $"{path}:Roles: unknown role '{role}' (use {string.Join(", ", Roles.All)})";
        }
        foreach (var name in Users.GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
            yield return $"{Section}:Users: '{name}' is declared twice";
        if (Oidc.IsConfigured && string.IsNullOrWhiteSpace(Oidc.ClientId)) yield return $"{Section}:Oidc:ClientId: required with an Authority";
        foreach (var role in Oidc.RoleMap.Values.Where(r => !Roles.All.Contains(r)))
            yield return $"{Section}:Oidc:RoleMap: unknown role '{role}' (use {string.Join(", ", Roles.All)})";
        if (SignInPermitsPerMinute < 1) yield return $"{Section}:SignInPermitsPerMinute: must be at least 1";
        if (ApiKeyPermitsPerMinute < 1) yield return $"{Section}:ApiKeyPermitsPerMinute: must be at least 1";
        if (MaxRequestBodyBytes < 1024) yield return $"{Section}:MaxRequestBodyBytes: must be at least 1024";
        foreach (var (proxy, i) in TrustedProxies.Select((p, i) => (p, i)))
            if (!System.Net.IPAddress.TryParse(proxy, out _) && !System.Net.IPNetwork.TryParse(proxy, out _))
                yield return $"{Section}:TrustedProxies:{i}: '{proxy}' is neither an IP address nor a network like 10.0.0.0/24";
    }
}

/// <summary>A user defined in configuration.</summary>
public sealed class LocalUser
{
    public string Name { get; set; } = "";

    /// <summary>An ASP.NET Core Identity password hash (PBKDF2), never the password.</summary>
    public string PasswordHash { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}

/// <summary>OpenID Connect sign-in (Microsoft Entra ID, Keycloak, Google Workspace …).</summary>
public sealed class OidcOptions
{
    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>; empty turns OIDC off.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>Keep it out of files: set it as the environment variable <c>Monitoring__Access__Oidc__ClientSecret</c>.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The claim that carries the user's groups or app roles.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Claim value to shopmon role (<c>shop-ops: ops</c>); a value that is already a role name maps to itself.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];

    /// <summary>The label of the sign-in button.</summary>
    public string DisplayName { get; set; } = "single sign-on";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);
}
