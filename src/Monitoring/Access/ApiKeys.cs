using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Access;

public static class ApiKeyScopes
{
    /// <summary>The read-only JSON API.</summary>
    public const string Read = "read";

    /// <summary>Pushing data in (ingest endpoints, to come).</summary>
    public const string Ingest = "ingest";

    public static readonly IReadOnlyList<string> All = [Read, Ingest];
}

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string ScopeClaim = "shopmon:scope";
    public const string KeyIdClaim = "shopmon:key";
}

/// <summary>
/// Makes and recognises API keys. A key is 32 random bytes (256 bits) shown once; only its SHA-256 is stored. A fast
/// unsalted hash is enough here, unlike for passwords: nobody can guess or brute-force a 256-bit random value, so the
/// stored hash only has to be one-way, and a plain SHA-256 lets a request find its key by an indexed equality lookup.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "shm_";

    /// <summary>A new key: <c>shm_</c> and 43 base64url characters.</summary>
    public static string New() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>What pages show to tell keys apart: the first characters, never enough to use.</summary>
    public static string Hint(string key) => key[..Math.Min(key.Length, Prefix.Length + 6)] + "…";

    /// <summary>The key of a request: <c>Authorization: Bearer …</c> or <c>X-Api-Key: …</c>; null when it sends neither.</summary>
    public static string? FromRequest(HttpRequest request)
    {
        var header = request.Headers[ApiKeyDefaults.Header].FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(header)) return header.Trim();
        var authorization = request.Headers.Authorization.FirstOrDefault();
        return authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;
    }
}
