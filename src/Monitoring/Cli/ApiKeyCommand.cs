using System.CommandLine;
using Monitoring.Access;
using Monitoring.Storage;

namespace Monitoring.Cli;

/// <summary>
/// <c>monitoring api-key create|list|revoke</c>: manage API keys in the configured store (the same settings as
/// <c>serve</c>: appsettings.json, environment, <c>--Monitoring:Storage:…</c>). The new key is printed once.
/// </summary>
public static class ApiKeyCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "What the key is for (e.g. grafana)" };
        var scope = new Option<string>("--scope") { Description = "read or ingest", DefaultValueFactory = _ => ApiKeyScopes.Read };
        var create = new Command("create", "Create a key and print it once.") { name, scope };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction((r, ct) => WithKeysAsync(r.UnmatchedTokens, async (keys, ct2) =>
        {
            var (key, problem) = await keys.CreateAsync(r.GetValue(name), r.GetValue(scope), Actor, null, ct2);
            if (key is null) { Console.Error.WriteLine(problem); return 1; }
            Console.WriteLine(key);
            Console.Error.WriteLine("Store this key now: it is shown once and kept only as a hash.");
            return 0;
        }, ct));

        var list = new Command("list", "List the keys (never the keys themselves).");
        list.TreatUnmatchedTokensAsErrors = false;
        list.SetAction((r, ct) => WithKeysAsync(r.UnmatchedTokens, async (keys, ct2) =>
        {
            foreach (var k in await keys.ListAsync(ct2))
                Console.WriteLine($"{k.Id}\t{k.Name}\t{k.Scope}\t{k.Hint}\t{(k.IsActive ? "active" : "revoked")}\tlast used {k.LastUsedAt?.ToString("u") ?? "never"}");
            return 0;
        }, ct));

        var id = new Argument<long>("id") { Description = "The key's id, from api-key list" };
        var revoke = new Command("revoke", "Revoke a key.") { id };
        revoke.TreatUnmatchedTokensAsErrors = false;
        revoke.SetAction((r, ct) => WithKeysAsync(r.UnmatchedTokens, async (keys, ct2) =>
        {
            if (await keys.RevokeAsync(r.GetValue(id), Actor, null, ct2)) return 0;
            Console.Error.WriteLine($"There is no active key #{r.GetValue(id)}.");
            return 1;
        }, ct));

        return new Command("api-key", "Create, list and revoke API keys.") { create, list, revoke };
    }

    private static string Actor => $"cli:{Environment.UserName}";

    private static async Task<int> WithKeysAsync(IReadOnlyList<string> hostArgs, Func<ApiKeyService, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken)
    {
        await using var provider = await CliServices.BuildAsync(hostArgs, cancellationToken,
            services => services.AddSingleton<AuditLog>().AddSingleton<ApiKeyService>());
        return await action(provider.GetRequiredService<ApiKeyService>(), cancellationToken);
    }
}
