using Monitoring.IntegrationTests.Storage;
using Monitoring.Shop.Import;
using Monitoring.Storage.Postgres;
using Monitoring.Storage.Sqlite;

namespace Monitoring.IntegrationTests.Shop;

/// <summary>The shop writer of whichever backend a test opened, as the service would register it.</summary>
internal static class ShopBackend
{
    public static IShopWriter Writer(Backend backend, TimeProvider time) => backend.Database switch
    {
        SqliteDatabase sqlite => new SqliteShopWriter(sqlite, time),
        PostgresDatabase postgres => new PostgresShopWriter(postgres, time),
        var other => throw new NotSupportedException(other.GetType().Name),
    };
}
