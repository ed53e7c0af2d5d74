using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Alerting;

/// <summary>The outcome of checking an acknowledgement token.</summary>
/// <param name="Who">Whom the link was sent to (from the signed token); null when the token is not valid.</param>
/// <param name="Problem">Why the token is refused, worded for the person who clicked; null when it is valid.</param>
public sealed record AckTokenCheck(string? Who, string? Problem)
{
    public bool IsValid => Problem is null;
}

/// <summary>
/// Signed acknowledgement tokens: <c>base64url(payload).base64url(HMAC-SHA256(key, payload))</c> with the payload
/// <c>1|incident|expiry|who</c>. The link itself is the credential (whoever holds the email may acknowledge), so the
/// token binds the incident, whom it was sent to and an expiry, and is compared in constant time.
/// </summary>
public static class AckToken
{
    private const string Version = "1";

    /// <summary>Used when a link was not sent to one known address.</summary>
    public const string AnonymousWho = "email link";

    public static string Create(byte[] key, long incidentId, string who, DateTimeOffset expires)
    {
        var payload = Encoding.UTF8.GetBytes(string.Join('|', Version, incidentId.ToString(CultureInfo.InvariantCulture),
            expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), who));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    public static AckTokenCheck Verify(byte[] key, long incidentId, string? token, DateTimeOffset now)
    {
        const string invalid = "This acknowledgement link is not valid: it was changed or cut short. Open the link from the alert email again.";
        if (string.IsNullOrEmpty(token) || token.Length > 4096) return new AckTokenCheck(null, invalid);
        var dot = token.IndexOf('.');
        if (dot <= 0 || !TryDecode(token[..dot], out var payload) || !TryDecode(token[(dot + 1)..], out var signature))
            return new AckTokenCheck(null, invalid);

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), signature))
            return new AckTokenCheck(null, invalid);

        // Signed by us from here on: the fields are ours, but are still checked rather than trusted blindly.
        var fields = Encoding.UTF8.GetString(payload).Split('|', 4);
        if (fields.Length != 4 || fields[0] != Version ||
            !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var signedIncident) ||
            !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
            return new AckTokenCheck(null, invalid);
        if (signedIncident != incidentId)
            return new AckTokenCheck(null, "This acknowledgement link belongs to another incident.");
        if (now.ToUnixTimeSeconds() > expiry)
            return new AckTokenCheck(null,
                $"This acknowledgement link expired on {DateTimeOffset.FromUnixTimeSeconds(expiry):yyyy-MM-dd HH:mm} UTC. Acknowledge the incident on its page instead.");
        return new AckTokenCheck(fields[3].Length == 0 ? AnonymousWho : fields[3], null);
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return bytes.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
