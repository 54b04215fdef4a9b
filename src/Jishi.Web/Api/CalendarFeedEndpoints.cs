using System.Text;
using Jishi.App;
using Jishi.App.Accounts;
using Jishi.App.Alerts;
using Jishi.Web.Components.Cases;
using Jishi.Web.Components.Procedures;

namespace Jishi.Web.Api;

/// <summary>
/// <c>GET /feeds/{token}.ics</c>: the outstanding deadlines of the token user's scope, and the organisations'
/// obligations its alerts show (OrgWARN), as an iCalendar feed that a calendar application can subscribe to. The URL is the credential (a revocable <c>jcf_</c> feed token); an unknown or
/// revoked token, or a disabled user, gets 404. The feed is built as that user, so the usual scope filter applies.
/// </summary>
public static class CalendarFeedEndpoints
{
    public const string CalendarName = "纪实 · 期限提醒";

    public static void MapCalendarFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds/{token}.ics", Feed)
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>The subscription URL of a feed token, absolute for the request's host.</summary>
    public static string FeedUrl(string baseUri, string token) => baseUri.TrimEnd('/') + "/feeds/" + token + ".ics";

    private static async Task<IResult> Feed(string token, HttpContext context, CalendarFeedSignIn signIn, CallerScope scope,
        ListFeedDeadlines deadlines, ListFeedObligations obligations, TimeProvider time, CancellationToken ct)
    {
        var caller = await signIn.Handle(token, ct);
        if (caller is null)
        {
            return Results.NotFound();
        }

        scope.Current = caller;
        context.Items[typeof(Caller)] = caller;
        var items = await deadlines.Handle(ct);
        var today = ChinaTime.Today(time);
        var request = context.Request;
        var baseUri = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var events = items.Select(d =>
        {
            var caseUrl = baseUri + ProcedurePages.Url(d.Kind, d.CaseId);
            var name = Labels.Deadline(d.Rule);
            var state = d.DueDate < today ? "逾期" : "到期";
            return new CalendarEvent(
                Uid: $"{d.CaseId}-{d.Rule}@jishi",
                Date: d.DueDate,
                Summary: $"{state}：{name} · {d.PersonName}",
                Description: $"期限：{name}（{d.Rule}）\n{ProcedurePages.Subject(d.Kind)}：{d.PersonName}\n{ProcedurePages.Noun(d.Kind)}：{caseUrl}",
                Url: caseUrl);
        });
        // The organisations' obligations the alerts show (OrgWARN), one event each: organisation + rule + period.
        var owed = (await obligations.Handle(ct)).Select(o =>
        {
            var url = baseUri + ProcedurePages.ObligationUrl(o);
            var name = Labels.Deadline(o.Rule);
            var state = o.DueDate < today ? "逾期" : "到期";
            return new CalendarEvent(
                Uid: $"{o.Key}@jishi",
                Date: o.DueDate,
                Summary: $"{state}：{o.Detail} · {o.OrgName}",
                Description: $"组织义务：{name}（{o.Rule}）\n组织：{o.OrgName}\n{o.Detail}\n办理：{url}",
                Url: url);
        });
        var body = ICalendar.Write(CalendarName, time.GetUtcNow(), [.. events, .. owed]);
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Text(body, "text/calendar", Encoding.UTF8);
    }
}
