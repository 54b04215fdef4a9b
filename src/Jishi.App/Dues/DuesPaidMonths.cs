using Jishi.App.Data;
using Jishi.Domain.Dues;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>Keeps <see cref="DuesPaidMonthsRecord"/>, the months each member has paid as runs, in step with the payments.</summary>
public static class DuesPaidMonths
{
    /// <summary>Stages the member's runs as they stand with <paramref name="row"/> (a payment or a counter-entry not yet
    /// saved) counted, to be saved with it. The runs row is read before the payments, so that a payment saved by another
    /// writer in between either is among the payments read or makes this save fail on the row's token (409).</summary>
    internal static async Task StageAsync(JishiDbContext db, DuesPaymentRecord row, CancellationToken ct)
    {
        var current = await db.DuesPaidMonths.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.MemberId == row.MemberId, ct);
        var stored = await db.DuesPayments.IgnoreQueryFilters().AsNoTracking().Where(p => p.MemberId == row.MemberId)
            .Select(p => new Paid(p.Id, p.CoversFrom, p.CoversTo, p.ReversesPaymentId)).ToListAsync(ct);
        stored.Add(new Paid(row.Id, row.CoversFrom, row.CoversTo, row.ReversesPaymentId));
        var reversed = stored.Where(p => p.ReversesPaymentId is not null).Select(p => p.ReversesPaymentId!).ToHashSet();
        var runs = PaidMonthRuns.Encode(stored.Where(p => p.ReversesPaymentId is null && !reversed.Contains(p.Id))
            .SelectMany(p => DuesMonth.Range(DuesMonth.Parse(p.CoversFrom)!.Value, DuesMonth.Parse(p.CoversTo)!.Value)));
        if (current is null)
        {
            db.DuesPaidMonths.Add(new DuesPaidMonthsRecord { MemberId = row.MemberId, Runs = runs, LastPaymentId = row.Id });
        }
        else
        {
            current.Runs = runs;
            current.LastPaymentId = row.Id;
        }
    }

    /// <summary>
    /// Writes the runs of every member who has payments and no runs row, from the payments, in one statement (the
    /// migration that adds the table runs it, and so does a bulk load that bypasses the use cases): standing payments
    /// merged into runs by gaps and islands — a payment starts a new run unless it begins at most one month after the
    /// latest month of the member's earlier payments.
    /// </summary>
    public static string BackfillSql(bool sqlite) => $"""
        WITH p AS (
            SELECT d."MemberId",
                   CAST(substr(d."CoversFrom", 1, 4) AS INTEGER) * 12 + CAST(substr(d."CoversFrom", 6, 2) AS INTEGER) - 1 AS f,
                   CAST(substr(d."CoversTo", 1, 4) AS INTEGER) * 12 + CAST(substr(d."CoversTo", 6, 2) AS INTEGER) - 1 AS t
            FROM dues_payments AS d
            WHERE d."ReversesPaymentId" IS NULL
              AND NOT EXISTS (SELECT 1 FROM dues_payments AS r WHERE r."ReversesPaymentId" = d."Id")),
        g AS (
            SELECT "MemberId", f, t,
                   CASE WHEN f <= MAX(t) OVER (PARTITION BY "MemberId" ORDER BY f, t
                                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + 1 THEN 0 ELSE 1 END AS brk
            FROM p),
        h AS (
            SELECT "MemberId", f, t, SUM(brk) OVER (PARTITION BY "MemberId" ORDER BY f, t ROWS UNBOUNDED PRECEDING) AS run
            FROM g),
        runs AS (SELECT "MemberId", MIN(f) AS f, MAX(t) AS t FROM h GROUP BY "MemberId", run),
        txt AS ({(sqlite
            ? """
              SELECT "MemberId", group_concat(printf('%04d-%02d~%04d-%02d', f / 12, f % 12 + 1, t / 12, t % 12 + 1), ',') AS "Runs"
                  FROM (SELECT * FROM runs ORDER BY "MemberId", f) AS o GROUP BY "MemberId"
              """
            : """
              SELECT "MemberId", string_agg(lpad((f / 12)::text, 4, '0') || '-' || lpad((f % 12 + 1)::text, 2, '0') || '~'
                  || lpad((t / 12)::text, 4, '0') || '-' || lpad((t % 12 + 1)::text, 2, '0'), ',' ORDER BY f) AS "Runs"
                  FROM runs GROUP BY "MemberId"
              """)}),
        latest AS (SELECT "MemberId", MAX("Id") AS "Id" FROM dues_payments GROUP BY "MemberId")
        INSERT INTO dues_paid_months ("MemberId", "Runs", "LastPaymentId")
        SELECT latest."MemberId", COALESCE(txt."Runs", ''), latest."Id"
        FROM latest LEFT JOIN txt ON txt."MemberId" = latest."MemberId"
        WHERE NOT EXISTS (SELECT 1 FROM dues_paid_months AS x WHERE x."MemberId" = latest."MemberId")
        """;

    private sealed record Paid(string Id, string CoversFrom, string CoversTo, string? ReversesPaymentId);
}
