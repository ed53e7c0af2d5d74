using Hangfire.Dashboard;
using Monitoring.Access;

namespace Monitoring.Scheduling;

/// <summary>
/// The Hangfire dashboard can delete and trigger jobs: admins only. In local mode (no user configured) a request from
/// this machine is the admin <c>local</c>, which keeps the earlier loopback-only behaviour for a first run and the demo.
/// </summary>
public sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
