using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Jishi.Web.Security;

public static class AccountEndpoints
{
    /// <summary>POST /logout (a form with the antiforgery token) ends the browser session.</summary>
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        }).ExcludeFromDescription();

        // For the pages (cookie): the working-day count of a range, shown while a public notice is typed (G-03).
        app.MapGet("/ui/working-days", (string? from, string? to, Jishi.App.Calendar.OfficialCalendar calendar) =>
            {
                if (!DateOnly.TryParse(from, System.Globalization.CultureInfo.InvariantCulture, out var f)
                    || !DateOnly.TryParse(to, System.Globalization.CultureInfo.InvariantCulture, out var t))
                {
                    return Results.Problem(statusCode: 400, detail: "日期格式应为 YYYY-MM-DD");
                }

                return Results.Ok(new { from = f, to = t, workingDays = calendar.Current.CountWorkingDays(f, t) });
            })
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute
            {
                AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme,
            })
            .ExcludeFromDescription();
    }
}
