using System.Net;

namespace Monitoring.Probes;

public static class ProbesServiceCollectionExtensions
{
    /// <summary>The HTTP client name for probes that follow redirects.</summary>
    public const string FollowingClient = "probe";

    /// <summary>The HTTP client name for probes that must see the redirect itself.</summary>
    public const string NonFollowingClient = "probe-no-redirect";

    public static IServiceCollection AddProbes(this IServiceCollection services)
    {
        services.AddSingleton<ProbeRunner>();
        foreach (var kind in ProbeKinds.All)
            services.AddKeyedSingleton(typeof(IProbe), kind.Name, kind.ProbeType);

        // Probes measure the target, so no cookies, no proxy, no pooled keep-alive hiding connection cost for long,
        // and the timeout is enforced per probe by a token rather than by HttpClient.Timeout.
        foreach (var (name, follow) in new[] { (FollowingClient, true), (NonFollowingClient, false) })
        {
            services.AddHttpClient(name, client =>
                {
                    client.Timeout = Timeout.InfiniteTimeSpan;
                    client.DefaultRequestHeaders.UserAgent.ParseAdd("shopmon-probe/0.1");
                })
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    AllowAutoRedirect = follow,
                    MaxAutomaticRedirections = 10,
                    UseCookies = false,
                    UseProxy = false,
                    AutomaticDecompression = DecompressionMethods.All,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                });
        }
        return services;
    }
}
