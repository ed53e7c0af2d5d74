using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Quality.Digest;

namespace Monitoring.Web.Pages.Quality;

/// <summary>
/// A team's weekly digest as its email would say it, without sending anything: the recipients the alert routes give,
/// the subject, the HTML with the trend chart, and the plain-text alternative. By default the current ISO week's
/// digest, as it reads with what is known now (before its time, the one that will be sent next). Read from
/// <see cref="QualityViews"/>, like <c>/api/quality/digest</c>.
/// </summary>
public sealed class DigestModel(QualityViews views) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Week { get; set; }

    public IReadOnlyList<string> Teams => views.DigestTeams;

    public string? Error { get; private set; }

    public QualityDigest? Digest { get; private set; }

    public IReadOnlyList<string> Recipients { get; private set; } = [];

    public string? RouteName { get; private set; }

    public string Subject { get; private set; } = "";

    public string Html { get; private set; } = "";

    public string Text { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (view, team, error) = await views.DigestAsync(Team, Week, ct);
        Team = team;
        Error = error;
        // No team at all is a fact about the configuration, shown as such; a wrong team or week is the request's mistake.
        if (view is null)
        {
            if (team is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Week = view.Digest.Week.Name;
        (Digest, Recipients, RouteName, Subject, Html, Text) = (view.Digest, view.Recipients, view.RouteName, view.Subject, view.Html, view.Text);
        return Page();
    }
}
