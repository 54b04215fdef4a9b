using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Jishi.App.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Jishi.Web.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c>: the bootstrap administrator token of the configuration, or a user's
/// token (looked up by its SHA-256 digest). Unauthenticated API calls get 401, never a redirect.
/// </summary>
public sealed class BearerAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var bootstrap = configuration["Jishi:BootstrapAdminToken"];
        Caller? caller = null;
        if (!string.IsNullOrEmpty(bootstrap)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(bootstrap)))
        {
            caller = Caller.BootstrapAdmin;
        }
        else if (token.Length > 0 && !Jishi.App.Alerts.CalendarFeedTokens.IsFeedToken(token)) // a feed URL token is no API token
        {
            caller = await Context.RequestServices.GetRequiredService<SignIn>().ByToken(token, Context.RequestAborted);
        }

        if (caller is null)
        {
            return AuthenticateResult.Fail("令牌无效或已撤销");
        }

        Context.Items[typeof(Caller)] = caller;
        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Response.WriteAsJsonAsync(new
        {
            type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            title = "未认证",
            status = 401,
            detail = "需要有效的令牌：Authorization: Bearer <token>",
        }, options: null, contentType: "application/problem+json");
    }
}

public static class CallerClaims
{
    public static ClaimsPrincipal ToPrincipal(Caller caller, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, caller.UserId),
        new Claim(ClaimTypes.Name, caller.UserName),
        new Claim(ClaimTypes.GivenName, caller.DisplayName),
        new Claim(ClaimTypes.Role, caller.Role.ToString()),
    ], scheme));
}

/// <summary>
/// Puts the authenticated caller into the request's <see cref="CallerScope"/>, from which the database filters every
/// query and checks every save. A cookie's user is looked up anew on each request, so that a changed role, organisation
/// or a disabled account takes effect at once.
/// </summary>
public sealed class CallerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CallerScope scope)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var caller = context.Items[typeof(Caller)] as Caller;
            if (caller is null && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                caller = await context.RequestServices.GetRequiredService<SignIn>().ByUserId(userId, context.RequestAborted);
                if (caller is null)
                {
                    await context.SignOutAsync();
                    context.User = new ClaimsPrincipal(new ClaimsIdentity());
                }
            }

            if (caller is not null)
            {
                scope.Current = caller;
                context.Items[typeof(Caller)] = caller;
            }
        }
        else
        {
            // Anonymous requests see nothing: an empty scope, not the system's.
            scope.Current = Caller.Anonymous;
        }

        await next(context);
    }
}
