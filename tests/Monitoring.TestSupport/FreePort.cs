using System.Net;
using System.Net.Sockets;

namespace Monitoring.TestSupport;

/// <summary>Free TCP ports on loopback, for servers that need to be told their port before they start.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
