using System.Globalization;
using System.Text;
using Monitoring.Access;
using Monitoring.Kpis;

namespace Monitoring.Web;

/// <summary>The churn list as CSV, for the sales team's own tools.</summary>
public static class KpiEndpoints
{
    public static IEndpointRouteBuilder MapKpiEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/kpis/churn.csv", async (ChurnList churn, CancellationToken ct) =>
        {
            var csv = new StringBuilder("sales_rep,account_id,account,segment,status,new_this_week,reason,days_silent,usual_gap_days,revenue_last_90,revenue_year_earlier_90\n");
            foreach (var e in await churn.ForTodayAsync(ct))
            {
                var a = e.Assessment;
                csv.AppendJoin(',', [
                    Cell(e.Account.SalesRep), Cell(e.Account.Id), Cell(e.Account.Name), Cell(e.Account.Segment),
                    Cell(a.Status.ToString().ToLowerInvariant()), e.NewThisWeek ? "yes" : "no", Cell(a.Describe()),
                    a.DaysSilent?.ToString(CultureInfo.InvariantCulture) ?? "", a.UsualGapDays?.ToString("0", CultureInfo.InvariantCulture) ?? "",
                    a.RevenueLast90.ToString("0.00", CultureInfo.InvariantCulture), a.RevenueYearEarlier90.ToString("0.00", CultureInfo.InvariantCulture),
                ]).Append('\n');
            }
            return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "churn-list.csv");
        }).RequireAuthorization(Policies.ViewUptime);
        return routes;
    }

    /// <summary>A CSV cell: quoted when needed, and never starting like a spreadsheet formula.</summary>
    private static string Cell(string? text)
    {
        var value = text ?? "";
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
