using System.Net;
using System.Security.Claims;

namespace Monitoring.Access;

/// <summary>
/// Local mode, for a service with nobody to sign in (the demo, a first run): a request from this machine that is not
/// signed in acts as an admin named <c>local</c>; any other request still needs an API key. A request carrying
/// <c>X-Forwarded-For</c> or <c>Forwarded</c> (or whose forwarded headers a trusted proxy's were applied to) came
/// through a proxy and is not local, so a reverse proxy on the same machine does not open the service to the network.
/// </summary>
public static class LocalMode
{
    public const string UserName = "local";

    public static IApplicationBuilder UseLocalMode(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated != true && IsLocal(context))
            context.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, UserName), new Claim(ClaimTypes.Role, Roles.Admin)], "local"));
        return next(context);
    });

    public static bool IsLocal(HttpContext context)
    {
        // X-Original-For: a trusted proxy's headers were applied, so the request came through a proxy all the same.
        if (context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded") ||
            context.Request.Headers.ContainsKey("X-Original-For")) return false;
        var remote = context.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
    }
}
