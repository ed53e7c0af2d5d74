using Monitoring.Shop.Import;

namespace Monitoring.Shop;

public static class ShopServiceCollectionExtensions
{
    /// <summary>The import pipeline; the writers and stores it uses come with the storage backend.</summary>
    public static IServiceCollection AddShop(this IServiceCollection services)
    {
        services.AddSingleton<ShopImporter>();
        services.AddSingleton<SourceImporter>();
        services.AddSingleton<Privacy.IContactErasure, Storage.SqlContactErasure>();
        services.AddSingleton<Privacy.ContactEraser>();
        return services;
    }
}
