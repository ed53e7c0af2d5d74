using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DemoShop.Accounts;

/// <summary>
/// Sessions by id, in memory. A browser carries the id in the <see cref="CookieName"/> cookie; an API client may send
/// it as <c>Authorization: Bearer &lt;id&gt;</c> (what <c>POST /api/login</c> returns).
/// </summary>
public sealed class SessionStore(IReadOnlyList<ShopAccount> accounts)
{
    public const string CookieName = "demoshop_session";

    /// <summary>Beyond this many sessions the store starts again empty: probes open a new one every run.</summary>
    private const int MaxSessions = 50_000;

    private readonly ConcurrentDictionary<string, ShopSession> _sessions = new();

    public IReadOnlyList<ShopAccount> Accounts { get; } = accounts;

    /// <summary>The request's session, or null when it has none (nothing is created).</summary>
    public ShopSession? Find(HttpContext context)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        var id = auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? auth["Bearer ".Length..].Trim()
            : context.Request.Cookies[CookieName];
        return id is not null && _sessions.TryGetValue(id, out var session) ? session : null;
    }

    /// <summary>The request's session, created (and its cookie set) when it has none.</summary>
    public ShopSession GetOrCreate(HttpContext context)
    {
        return Find(context) ?? Create(context);
    }

    private ShopSession Create(HttpContext context)
    {
        if (_sessions.Count >= MaxSessions) _sessions.Clear();
        var session = new ShopSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        _sessions[session.Id] = session;
        context.Response.Cookies.Append(CookieName, session.Id,
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", Secure = context.Request.IsHttps });
        return session;
    }

    /// <summary>The signed-in account of the request, if any.</summary>
    public ShopAccount? AccountOf(HttpContext context) => Find(context)?.Account;

    /// <summary>The account with these credentials, or null.</summary>
    public ShopAccount? Authenticate(string? email, string? password) =>
        Accounts.FirstOrDefault(a => string.Equals(a.Email, email?.Trim(), StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(a.Password),
                System.Text.Encoding.UTF8.GetBytes(password ?? "")));

    /// <summary>Signs the request's session in, on a fresh session id (no fixation).</summary>
    public ShopSession SignIn(HttpContext context, ShopAccount account)
    {
        var previous = Find(context);
        if (previous is not null) _sessions.TryRemove(previous.Id, out _);
        var session = Create(context);
        if (previous is not null) session.Cart.ReplaceWith(previous.Cart.Lines);
        session.Account = account;
        return session;
    }

    public void SignOut(HttpContext context)
    {
        if (Find(context) is { } session) _sessions.TryRemove(session.Id, out _);
        context.Response.Cookies.Delete(CookieName);
    }
}
