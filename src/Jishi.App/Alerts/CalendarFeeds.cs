using System.Security.Cryptography;
using Jishi.App.Accounts;
using Jishi.App.Data;
using Jishi.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Alerts;

/// <summary>
/// Calendar feed tokens: kept in <c>api_tokens</c> with the label <see cref="Label"/> and the token prefix
/// <see cref="TokenPrefix"/> (only the SHA-256 digest is stored; the token is shown once). A feed token opens the
/// user's deadline feed and nothing else.
/// </summary>
public static class CalendarFeedTokens
{
    public const string Label = "calendar-feed";

    public const string TokenPrefix = "jcf_";

    /// <summary>Whether <paramref name="token"/> looks like a feed token (the API's bearer authentication refuses these).</summary>
    public static bool IsFeedToken(string? token) => token?.StartsWith(TokenPrefix, StringComparison.Ordinal) == true;

    internal static string NewToken() =>
        TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Issues a calendar feed token for the caller's own account.</summary>
public sealed class CreateCalendarFeed(JishiDbContext db, TimeProvider time)
{
    public async Task<IssuedToken> Handle(CancellationToken ct = default)
    {
        var userId = db.Caller.UserId;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && !u.IsDisabled, ct)
            ?? throw new ForbiddenException("只有系统中登记的用户才能订阅日历");
        var token = CalendarFeedTokens.NewToken();
        var record = new ApiToken
        {
            Id = Ids.New(time),
            UserId = user.Id,
            TokenHash = Accounts.Accounts.HashToken(token),
            Prefix = token[..10],
            Label = CalendarFeedTokens.Label,
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(record, token);
    }
}

/// <summary>Revokes every calendar feed token of the caller's own account; returns how many were revoked.</summary>
public sealed class RevokeCalendarFeeds(JishiDbContext db, TimeProvider time)
{
    public async Task<int> Handle(CancellationToken ct = default)
    {
        var userId = db.Caller.UserId;
        var tokens = await db.ApiTokens
            .Where(t => t.UserId == userId && t.Label == CalendarFeedTokens.Label && t.RevokedAt == null).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var t in tokens)
        {
            t.RevokedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return tokens.Count;
    }
}

/// <summary>The caller's calendar feed tokens that are not revoked (prefix and creation time only).</summary>
public sealed class ListCalendarFeeds(JishiDbContext db)
{
    public async Task<IReadOnlyList<ApiToken>> Handle(CancellationToken ct = default)
    {
        var userId = db.Caller.UserId;
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.Label == CalendarFeedTokens.Label && t.RevokedAt == null)
            .OrderBy(t => t.Id).ToListAsync(ct);
    }
}

/// <summary>Resolves the caller a feed token stands for: a <c>jcf_</c> token with the feed label, not revoked, of an
/// enabled user. Anything else is null (the feed answers 404).</summary>
public sealed class CalendarFeedSignIn(JishiDbContext db, SignIn signIn)
{
    public async Task<Caller?> Handle(string? token, CancellationToken ct = default)
    {
        if (!CalendarFeedTokens.IsFeedToken(token) || token!.Length > 200)
        {
            return null;
        }

        var hash = Accounts.Accounts.HashToken(token);
        var userId = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.Label == CalendarFeedTokens.Label && t.RevokedAt == null)
            .Select(t => t.UserId).FirstOrDefaultAsync(ct);
        return userId is null ? null : await signIn.ByUserId(userId, ct);
    }
}

/// <summary>One outstanding deadline of an open procedure in scope (a development case, a transfer, a mobile member's
/// record, a lost-contact case), for the calendar feed: whose it is and which procedure it belongs to.</summary>
public sealed record FeedDeadline(string CaseId, string Rule, DateOnly DueDate, string PersonName,
    Domain.Procedures.ProcedureKind Kind = Domain.Procedures.ProcedureKind.DevelopmentCase);

/// <summary>Every outstanding deadline of the open procedures in the caller's scope (the deadlines joined to the
/// filtered cases, and to the filtered procedures), by due date.</summary>
public sealed class ListFeedDeadlines(JishiDbContext db)
{
    public const int Limit = 10_000;

    public async Task<IReadOnlyList<FeedDeadline>> Handle(CancellationToken ct = default)
    {
        var cases = await (from d in db.CaseDeadlines.AsNoTracking()
                           join c in db.Cases.AsNoTracking() on d.CaseId equals c.Id
                           orderby d.DueDate, d.CaseId, d.Rule
                           select new FeedDeadline(d.CaseId, d.Rule, d.DueDate, c.PersonName, Domain.Procedures.ProcedureKind.DevelopmentCase))
            .Take(Limit).ToListAsync(ct);
        var procedures = await (from d in db.CaseDeadlines.AsNoTracking()
                                join p in db.Procedures.AsNoTracking() on d.CaseId equals p.Id
                                orderby d.DueDate, d.CaseId, d.Rule
                                select new FeedDeadline(d.CaseId, d.Rule, d.DueDate, p.Title, p.Kind))
            .Take(Limit).ToListAsync(ct);
        return cases.Concat(procedures).OrderBy(d => d.DueDate).ThenBy(d => d.CaseId, StringComparer.Ordinal)
            .ThenBy(d => d.Rule, StringComparer.Ordinal).Take(Limit).ToList();
    }
}

/// <summary>The organisations' obligations (OrgWARN) for the calendar feed: those the alerts page shows by default —
/// unmet and due by today + <see cref="Dashboard.DefaultWithinDays"/> days — of the organisations in the caller's scope,
/// from every <see cref="IOrgObligations"/> source, by due date.</summary>
public sealed class ListFeedObligations(JishiDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<OrgObligation>> Handle(CancellationToken ct = default)
    {
        var horizon = ChinaTime.Today(time).AddDays(Dashboard.DefaultWithinDays);
        var all = new List<OrgObligation>();
        foreach (var source in OrgObligations.Sources)
        {
            all.AddRange(await source.DueBy(db, null, horizon, ct));
        }

        return [.. all.DistinctBy(o => o.Key).OrderBy(o => o.DueDate).ThenBy(o => o.Key, StringComparer.Ordinal)];
    }
}
