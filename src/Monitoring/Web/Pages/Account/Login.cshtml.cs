using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Access;

namespace Monitoring.Web.Pages.Account;

/// <summary>Sign-in with a local user (and a link to OpenID Connect when configured). Attempts are rate-limited per address.</summary>
public sealed class LoginModel(AccessOptions options, LocalUsers users, AuditLog audit) : PageModel
{
    public string ReturnUrl { get; private set; } = "/";

    public string? Name { get; private set; }

    public string? Problem { get; private set; }

    public bool HasLocalUsers => options.Users.Count > 0;

    public string? OidcName => options.Oidc.IsConfigured ? options.Oidc.DisplayName : null;

    public void OnGet(string? returnUrl) => ReturnUrl = Safe(returnUrl);

    // The form is read here rather than bound as handler arguments: MVC logs handler arguments at Trace level, and the
    // password must never reach a log.
    public async Task<IActionResult> OnPostAsync()
    {
        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        var name = form["name"].FirstOrDefault();
        ReturnUrl = Safe(form["returnUrl"].FirstOrDefault());
        Name = name;
        var user = users.Verify(name, form["password"].FirstOrDefault());
        if (user is null)
        {
            await audit.RecordAsync(Truncate(name), AuditActions.SignInFailed, null, "local user", HttpContext, HttpContext.RequestAborted);
            Problem = "Unknown user name or wrong password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), .. user.Roles.Select(r => new Claim(ClaimTypes.Role, r))],
            CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        await audit.RecordAsync(user.Name, AuditActions.SignIn, null, "local user", HttpContext, HttpContext.RequestAborted);
        return LocalRedirect(ReturnUrl);
    }

    private static string Safe(string? returnUrl) => AccessServiceCollectionExtensions.IsLocalPath(returnUrl) ? returnUrl! : "/";

    // What someone typed as a name is recorded as typed, but bounded.
    private static string Truncate(string? name) => string.IsNullOrEmpty(name) ? "(empty)" : name.Length > 64 ? name[..64] : name;
}
