using DemoShop.Accounts;
using DemoShop.Faults;
using static DemoShop.Pages.Html;

namespace DemoShop.Pages;

/// <summary>Sign-in and sign-out of business accounts (a server-side session behind an HttpOnly cookie).</summary>
public static class AccountPages
{
    public static void MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context, string? returnUrl) => LoginPage(context, returnUrl, null)).Step(ShopSteps.Login);

        app.MapPost("/login", async (HttpContext context, SessionStore sessions) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var returnUrl = LocalOrHome(form["returnUrl"]);
            if (sessions.Authenticate(form["email"], form["password"]) is not { } account)
                return LoginPage(context, returnUrl, "Unknown email or wrong password.", 401);
            sessions.SignIn(context, account);
            return SeeOther(returnUrl);
        }).RequireFormToken().Step(ShopSteps.Login);

        app.MapGet("/logout", (HttpContext context) => Page(context, "Sign out",
            $"""<h1>Sign out</h1>{Form(context, "/logout", "logout-page", """<button type="submit">Sign out</button>""")}""")).Step(ShopSteps.Login);

        app.MapPost("/logout", (HttpContext context, SessionStore sessions) =>
        {
            sessions.SignOut(context);
            return SeeOther("/");
        }).RequireFormToken().Step(ShopSteps.Login);
    }

    /// <summary>Where to go after signing in: a local path only, never another site (no open redirect).</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";

    private static IResult LoginPage(HttpContext context, string? returnUrl, string? error, int status = 200) => Page(context, "Sign in", $"""
        <h1>Sign in to your business account</h1>
        {(error is null ? "" : $"""<p class="error" id="login-error">{E(error)}</p>""")}
        {Form(context, "/login", "login", $"""
            <input type="hidden" name="returnUrl" value="{E(LocalOrHome(returnUrl))}">
            <p><label>Email <input type="email" name="email" id="email" autocomplete="username" required></label></p>
            <p><label>Password <input type="password" name="password" id="password" autocomplete="current-password" required></label></p>
            <p><button type="submit" id="login-button">Sign in</button></p>
            """)}
        <p>No account yet? Ask for one by <a href="/quote">requesting a quote</a>.</p>
        """, status);
}
