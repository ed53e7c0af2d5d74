using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Access;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Access;

/// <summary>
/// The Data Protection key ring in the store: what one instance signs (a sign-in cookie, a form token) the other
/// reads, as long as they share the database; another database's instance cannot.
/// </summary>
public abstract class SharedKeysConformance(ITestBackend backend) : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = await backend.CreateDatabaseAsync();
        await backend.Open(_database).Migrator.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    /// <summary>An "instance": its own service provider and key manager, on the given database.</summary>
    private static ServiceProvider Instance(Backend store)
    {
        var services = new ServiceCollection();
        services.AddSingleton(store.Database);
        services.AddSingleton(TimeProvider.System);
        services.AddDataProtection().SetApplicationName("shopmon");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new SqlXmlRepository(provider.GetRequiredService<IDbConnectionFactory>(), TimeProvider.System)));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task An_instance_reads_what_another_on_the_same_database_signed()
    {
        using var first = Instance(backend.Open(_database));
        using var second = Instance(backend.Open(_database));
        var other = await backend.CreateDatabaseAsync();
        await backend.Open(other).Migrator.MigrateAsync(CancellationToken.None);
        using var elsewhere = Instance(backend.Open(other));

        var cookie = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("sign-in").Protect("user=ops");

        Assert.Equal("user=ops", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("sign-in").Unprotect(cookie));
        Assert.ThrowsAny<CryptographicException>(() => elsewhere.GetRequiredService<IDataProtectionProvider>().CreateProtector("sign-in").Unprotect(cookie));
        Assert.Single(new SqlXmlRepository(backend.Open(_database).Database, TimeProvider.System).GetAllElements()); // one key, made once
    }
}

public sealed class SqliteSharedKeysTests() : SharedKeysConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresSharedKeysTests(PostgresFixture postgres) : SharedKeysConformance(new PostgresTestBackend(postgres.Server));
