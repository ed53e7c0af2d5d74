using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Monitoring.Access;

/// <summary>
/// One global limiter: sign-in attempts per client address, and requests per API key (partitioned by the key's hash, so
/// a key never sits in memory as itself). Other requests are not limited. A refused request gets 429 with Retry-After.
/// </summary>
public static class AccessRateLimits
{
    public static IServiceCollection AddAccessRateLimits(this IServiceCollection services, AccessOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/login"))
                    return Window("sign-in:" + context.Connection.RemoteIpAddress, options.SignInPermitsPerMinute);
                if (ApiKeys.FromRequest(context.Request) is { } key)
                    return Window("key:" + ApiKeys.HashOf(key), options.ApiKeyPermitsPerMinute);
                return RateLimitPartition.GetNoLimiter("none");
            });
        });

    private static RateLimitPartition<string> Window(string partition, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
