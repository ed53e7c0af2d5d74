using System.Net;
using Hangfire.Dashboard;

namespace Monitoring.Scheduling;

/// <summary>Until sign-in exists, the Hangfire dashboard answers only requests made from this machine.</summary>
public sealed class LoopbackOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var remote = context.GetHttpContext().Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
    }
}
