namespace Monitoring.Probes;

public static class ProbesServiceCollectionExtensions
{
    /// <summary>Registers the runner and every kind of <see cref="ProbeKinds"/> under its name.</summary>
    public static IServiceCollection AddProbes(this IServiceCollection services)
    {
        services.AddSingleton<ProbeRunner>();
        foreach (var kind in ProbeKinds.All)
            services.AddKeyedSingleton(typeof(IProbe), kind.Name, kind.ProbeType);
        return services;
    }
}
