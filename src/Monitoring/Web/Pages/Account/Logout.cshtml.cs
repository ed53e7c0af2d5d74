using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Access;

namespace Monitoring.Web.Pages.Account;

/// <summary>Sign-out is a POST (with its anti-forgery token), so that a link or an image cannot sign anyone out.</summary>
public sealed class LogoutModel(AuditLog audit) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
            await audit.RecordAsync(AuditLog.ActorOf(User), AuditActions.SignOut, null, null, HttpContext, HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/login");
    }
}
