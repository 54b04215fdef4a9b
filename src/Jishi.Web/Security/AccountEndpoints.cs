using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Jishi.Web.Security;

public static class AccountEndpoints
{
    /// <summary>POST /logout (a form with the antiforgery token) ends the browser session.</summary>
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        }).ExcludeFromDescription();
}
