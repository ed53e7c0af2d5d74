using DemoShop.Accounts;
using DemoShop.Faults;
using DemoShop.Ordering;
using static DemoShop.Pages.Html;

namespace DemoShop.Pages;

/// <summary>The quote request form, for large or special orders; open to visitors who have no account yet.</summary>
public static class QuotePages
{
    public static void MapQuotePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/quote", (HttpContext context, SessionStore sessions) => QuoteForm(context, sessions.AccountOf(context), null))
            .Step(ShopSteps.Quote);

        app.MapPost("/quote", async (HttpContext context, SessionStore sessions, OrderStore orders) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var account = sessions.AccountOf(context);
            string company = form["company"].ToString().Trim(), email = form["email"].ToString().Trim(), message = form["message"].ToString().Trim();
            if (company.Length == 0 || !email.Contains('@') || message.Length == 0)
                return QuoteForm(context, account, "Please give your company, your email and what you need.", 400);
            var synthetic = account is not null ? Shopping.IsSynthetic(context, account) : context.Request.Headers[Shopping.SyntheticHeader] == "1";
            var quote = orders.AddQuote(company, email, message, synthetic);
            return Page(context, "Quote requested", $"""
                <h1>Thank you</h1>
                <p>Your quote request is registered under the reference
                <strong id="quote-reference" data-quote-reference="{E(quote.Reference)}" data-synthetic="{(quote.Synthetic ? "true" : "false")}">{E(quote.Reference)}</strong>.
                Our sales team answers within one working day.</p>
                """);
        }).RequireFormToken().Step(ShopSteps.Quote);
    }

    private static IResult QuoteForm(HttpContext context, ShopAccount? account, string? error, int status = 200) => Page(context, "Request a quote", $"""
        <h1>Request a quote</h1>
        {(error is null ? "" : $"""<p class="error" id="quote-error">{E(error)}</p>""")}
        {Form(context, "/quote", "quote", $"""
            <p><label>Company <input name="company" id="company" value="{E(account?.Company)}" required></label></p>
            <p><label>Email <input type="email" name="email" id="quote-email" value="{E(account?.Email)}" required></label></p>
            <p><label>What do you need? <textarea name="message" id="message" rows="6" required placeholder="References, quantities, delivery date"></textarea></label></p>
            <button type="submit" id="quote-button">Send the request</button>
            """)}
        """, status);
}
