using System.Globalization;
using System.Net;

namespace Monitoring.Probes;

/// <summary>
/// A host name or IP address with a port, as written in YAML: <c>smtp.shop.test:25</c>, <c>10.0.0.2:53</c>,
/// <c>[::1]:6379</c>. Parsed once at load time so that a probe run never meets a malformed target.
/// </summary>
public sealed record HostPort(string Host, int Port)
{
    /// <summary>The way it is written back: IPv6 addresses in brackets, so that the port stays unambiguous.</summary>
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>
    /// Parses <paramref name="text"/>; without a port, <paramref name="defaultPort"/> applies, or it is an error when null.
    /// On failure <paramref name="problem"/> quotes the text and says what to write, using <paramref name="example"/>.
    /// </summary>
    public static bool TryParse(string text, int? defaultPort, string example, out HostPort? value, out string? problem)
    {
        value = null;
        problem = null;
        var trimmed = text.Trim();
        string host;
        string? portText = null;

        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            problem = $"'{text}' is a URL (write host:port, like {example})";
            return false;
        }
        if (trimmed.StartsWith('['))
        {
            var close = trimmed.IndexOf(']');
            host = close < 0 ? "" : trimmed[1..close];
            var rest = close < 0 ? "" : trimmed[(close + 1)..];
            if (close < 0 || !IPAddress.TryParse(host, out _) || (rest.Length > 0 && !rest.StartsWith(':')))
            {
                problem = $"'{text}' is not a bracketed IPv6 address (write e.g. [::1]:{defaultPort ?? 6379})";
                return false;
            }
            if (rest.Length > 0) portText = rest[1..];
        }
        else if (trimmed.Count(c => c == ':') > 1)
        {
            // More than one colon can only be a bare IPv6 address, which cannot carry a port.
            host = trimmed;
            if (!IPAddress.TryParse(host, out _))
            {
                problem = $"'{text}' is not an IPv6 address (write it in brackets with the port, like [::1]:{defaultPort ?? 6379})";
                return false;
            }
        }
        else
        {
            var colon = trimmed.IndexOf(':');
            host = colon < 0 ? trimmed : trimmed[..colon];
            if (colon >= 0) portText = trimmed[(colon + 1)..];
        }

        if (host.Length == 0 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            problem = $"'{text}' does not start with a host name or IP address (write host:port, like {example})";
            return false;
        }

        int port;
        if (portText is null)
        {
            if (defaultPort is null)
            {
                problem = $"'{text}' has no port (write host:port, like {example})";
                return false;
            }
            port = defaultPort.Value;
        }
        else if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            problem = $"'{text}' has no valid port: '{portText}' (write a port from 1 to 65535, like {example})";
            return false;
        }

        value = new HostPort(host, port);
        return true;
    }
}
