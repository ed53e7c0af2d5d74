using System.Globalization;
using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Monitoring.Storage;

namespace Monitoring.Access;

/// <summary>
/// Keeps the Data Protection key ring in the store (<c>data_protection_keys</c>), the same SQL on both backends, so
/// that instances sharing a database share their keys: a cookie signed by one is read by the other. The framework
/// calls it synchronously, rarely (at the first request, then about once a day and when it makes a new key), and
/// caches the ring in between.
/// </summary>
public sealed class SqlXmlRepository(IDbConnectionFactory database, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name")
            .Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        // Two instances may make a key at the same moment: both are kept (distinct names), and each reads the other's.
        connection.Execute("""
            INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@Name, @Xml, @At)
            ON CONFLICT (friendly_name) DO NOTHING
            """, new
        {
            Name = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting),
            At = time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        });
    }
}
