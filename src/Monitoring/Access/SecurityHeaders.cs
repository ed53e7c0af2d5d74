namespace Monitoring.Access;

/// <summary>
/// Headers on every answer. The pages are server-rendered with no script of their own, inline styles and charts as
/// same-origin SVG images, so the policy allows exactly that. The Hangfire dashboard ships its own inline scripts and
/// gets a policy that allows them, still same-origin only.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'";

    public const string DashboardPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? dashboardPath) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        var dashboard = !string.IsNullOrEmpty(dashboardPath) && context.Request.Path.StartsWithSegments(dashboardPath);
        headers.ContentSecurityPolicy = dashboard ? DashboardPolicy : PagePolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    });
}
