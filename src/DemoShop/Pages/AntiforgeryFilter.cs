using Microsoft.AspNetCore.Antiforgery;

namespace DemoShop.Pages;

public static class AntiforgeryFilter
{
    /// <summary>Refuses (400) a form POST whose anti-forgery token is missing or does not match its cookie.</summary>
    public static RouteHandlerBuilder RequireFormToken(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(context.HttpContext)
                ? await next(context)
                : Html.Problem(context.HttpContext, 400, "The form has expired or did not come from this shop. Please reload the page and try again.");
        });
}
