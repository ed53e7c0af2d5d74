using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Monitoring.Storage;

namespace Monitoring.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Chooses per request: the API key scheme when the request sends a key, else the session cookie.</summary>
    public const string Scheme = "shopmon";

    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>
    /// Registers sign-in (local users, OpenID Connect when configured, API keys), the named policies, the rate limits,
    /// the request size limits and the audit log. Invalid settings refuse the start, as every room's do.
    /// </summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException($"The {AccessOptions.Section} settings are invalid:" + Environment.NewLine +
                                                string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
        services.AddSingleton(options);
        // Keys in the store, not per machine: instances on one database accept each other's sign-ins.
        services.AddDataProtection().SetApplicationName("shopmon");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new SqlXmlRepository(provider.GetRequiredService<IDbConnectionFactory>(), provider.GetRequiredService<TimeProvider>())));
        services.AddSingleton<LocalUsers>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ApiKeyService>();

        var authentication = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "session or API key", o => o.ForwardDefaultSelector = context =>
                ApiKeys.FromRequest(context.Request) is null ? CookieAuthenticationDefaults.AuthenticationScheme : ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "shopmon.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.SessionIdleTimeout;
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                // Pages send a browser to the sign-in page; the JSON API and charts answer 401, and a wrong role is a 403.
                o.Events.OnRedirectToLogin = context =>
                {
                    if (IsApi(context.Request)) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    else context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        if (options.Oidc.IsConfigured) authentication.AddOpenIdConnect(OidcScheme, o => ConfigureOidc(o, options.Oidc));

        services.AddAuthorizationBuilder().AddMonitoringPolicies();
        services.AddAccessRateLimits(options);
        services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxRequestBodyBytes);
        return services;
    }

    /// <summary>The access middleware, in order: headers on every answer, limits, who is asking, what they may do.</summary>
    /// <summary>Forwarded headers believed from the trusted proxies only (the framework's default trusts loopback).</summary>
    private static ForwardedHeadersOptions ForwardedHeaders(AccessOptions options)
    {
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor |
                               Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            // The proxy appends the client it saw: only that last entry is believed, never what the client wrote.
            ForwardLimit = 1,
        };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in options.TrustedProxies)
        {
            if (System.Net.IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
            else forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
        }
        return forwarded;
    }

    public static WebApplication UseAccess(this WebApplication app, string? dashboardPath)
    {
        var options = app.Services.GetRequiredService<AccessOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessServiceCollectionExtensions));
        if (options.LocalMode)
            logger.LogWarning("Local mode: no user and no OpenID Connect are configured (Monitoring:Access), so requests from this " +
                              "machine act as an admin named 'local' and every other request needs an API key");
        else if (!options.HasSignIn)
            logger.LogWarning("No user and no OpenID Connect are configured (Monitoring:Access) and local mode is off: only API keys get in");

        if (options.TrustedProxies.Count > 0) app.UseForwardedHeaders(ForwardedHeaders(options));
        app.UseSecurityHeaders(dashboardPath);
        // A declared length over the limit is refused before anything reads the body (Kestrel's own limit, set above,
        // still stops a chunked body that grows past it, but whoever reads it first decides the status).
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength > options.MaxRequestBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return context.Response.WriteAsJsonAsync(new
                {
                    error = $"the body is {context.Request.ContentLength} bytes, over the limit of {options.MaxRequestBodyBytes} bytes " +
                            "(Monitoring:Access:MaxRequestBodyBytes): send smaller batches",
                });
            }
            return next(context);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        if (options.LocalMode) app.UseLocalMode();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The OpenID Connect challenge, when it is configured.</summary>
    public static WebApplication MapAccess(this WebApplication app)
    {
        if (app.Services.GetRequiredService<AccessOptions>().Oidc.IsConfigured)
            app.MapGet("/login/oidc", (string? returnUrl, HttpContext http) => Results.Challenge(
                    new AuthenticationProperties { RedirectUri = IsLocalPath(returnUrl) ? returnUrl : "/" }, [OidcScheme]))
                .AllowAnonymous();
        return app;
    }

    public static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/charts") || request.Path.StartsWithSegments("/metrics") ||
        request.Path.StartsWithSegments("/healthz") || request.Path.StartsWithSegments("/readyz");

    private static void ConfigureOidc(OpenIdConnectOptions o, OidcOptions oidc)
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.MapInboundClaims = false;
        o.SaveTokens = false;
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email" }) o.Scope.Add(scope);
        o.Events.OnTokenValidated = async context =>
        {
            // Keep only what shopmon needs: a name and the mapped roles. A user with no mapped role is signed in but
            // can reach nothing (403 everywhere), which says more than a refused sign-in.
            var source = context.Principal!;
            var name = source.FindFirstValue("preferred_username") ?? source.FindFirstValue("email") ?? source.FindFirstValue("sub") ?? "unknown";
            var roles = source.FindAll(oidc.RoleClaim).Select(c => oidc.RoleMap.GetValueOrDefault(c.Value, c.Value))
                .Where(Roles.All.Contains).Distinct();
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
                OidcScheme, ClaimTypes.Name, ClaimTypes.Role);
            context.Principal = new ClaimsPrincipal(identity);
            await context.HttpContext.RequestServices.GetRequiredService<AuditLog>()
                .RecordAsync(name, AuditActions.SignIn, null, "openid connect", context.HttpContext);
        };
    }
}
