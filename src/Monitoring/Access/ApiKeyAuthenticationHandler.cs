using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Monitoring.Storage;

namespace Monitoring.Access;

/// <summary>Signs a request in by its API key: a principal named after the key, with its scope and no role.</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IApiKeyStore keys, TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ApiKeys.FromRequest(Request);
        if (key is null) return AuthenticateResult.NoResult();
        var found = await keys.FindActiveAsync(ApiKeys.HashOf(key), Context.RequestAborted);
        // Never log the key: only that one was refused.
        if (found is null) return AuthenticateResult.Fail("unknown or revoked API key");
        await keys.RecordUseAsync(found.Id, time.GetUtcNow(), Context.RequestAborted);

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"key:{found.Name}"),
            new Claim(ApiKeyDefaults.KeyIdClaim, found.Id.ToString()),
            new Claim(ApiKeyDefaults.ScopeClaim, found.Scope),
        ], ApiKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
