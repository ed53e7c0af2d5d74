using System.Security.Cryptography;
using System.Text;
using Monitoring.Storage;

namespace Monitoring.Alerting;

/// <summary>
/// Makes and checks the signed acknowledgement links of alerts. The key is the configured one, or else one generated
/// once and kept in the database, so that a link written by one instance is accepted by every other and after restarts.
/// The key is never logged.
/// </summary>
public sealed class AckLinks(AlertingOptions options, IAlertOutboxStore store, TimeProvider time)
{
    public const string SecretName = "ack-signing-key";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    /// <summary>The path of an incident's acknowledgement page.</summary>
    public static string PathOf(long incidentId) => $"/incidents/{incidentId}/ack";

    /// <summary>An absolute link that acknowledges <paramref name="incidentId"/> as <paramref name="who"/>.</summary>
    public async Task<string> CreateAsync(long incidentId, string who, CancellationToken cancellationToken)
    {
        var token = AckToken.Create(await KeyAsync(cancellationToken), incidentId, who, time.GetUtcNow() + options.AckLinkLifetime);
        return $"{options.BaseUrl}{PathOf(incidentId)}?token={Uri.EscapeDataString(token)}";
    }

    public async Task<AckTokenCheck> VerifyAsync(long incidentId, string? token, CancellationToken cancellationToken) =>
        AckToken.Verify(await KeyAsync(cancellationToken), incidentId, token, time.GetUtcNow());

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _key) is { } known) return known;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_key is not null) return _key;
            // A failed database read is not cached: the next link tries again.
            var text = string.IsNullOrEmpty(options.SigningKey)
                ? await store.GetOrAddSecretAsync(SecretName, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), time.GetUtcNow(),
                    cancellationToken)
                : options.SigningKey;
            Volatile.Write(ref _key, Encoding.UTF8.GetBytes(text));
            return _key!;
        }
        finally
        {
            _gate.Release();
        }
    }
}
