using System.Linq.Expressions;
using Jishi.App.Cases;
using Jishi.App.Disposals;
using Jishi.App.LostContacts;
using Jishi.App.Members;
using Jishi.App.Mobility;
using Jishi.App.Procedures;
using Jishi.App.Transfers;
using Jishi.Domain.Accounts;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Jishi.App.Data;

/// <summary>
/// How one stored entity is bound to the organisation tree. Declared once per entity in <see cref="EntityScopes"/>;
/// the read filter, the write check and the rewrite of path copies when an organisation moves are all derived from
/// the declaration, so a new entity cannot be stored until it says which of the three it is.
/// </summary>
/// <param name="Entity">The entity's CLR type.</param>
/// <param name="Paths">The row's own copies of organisation paths (one, or two for a record two organisations
/// share, e.g. a transfer's sender and receiver): read filter (in scope when any is) and rewritten by a move.</param>
/// <param name="Parent">The row whose scope a write of this row is judged by when that row is in the same unit of
/// work (a case's events by the case); when it is not, the row's own paths judge, and a row without paths is out of
/// every organisation's scope.</param>
/// <param name="NotScopedBecause">Not organisation data: why (administration decides who may write it).</param>
public sealed record EntityScope(
    Type Entity,
    IReadOnlyList<EntityScope.PathCopy> Paths,
    EntityScope.ParentRow? Parent,
    string? NotScopedBecause)
{
    /// <summary>One path column: its property, the lambda reading it, and the bulk rewrite of its copies under a
    /// moved subtree.</summary>
    public sealed record PathCopy(string Property, LambdaExpression Read,
        Func<JishiDbContext, string, string, CancellationToken, Task<int>> Move);

    /// <summary>The parent row: its type and how to find it, tracked, from the child.</summary>
    public sealed record ParentRow(Type Type, Func<JishiDbContext, object, EntityEntry?> FindTracked);

    public bool IsScoped => NotScopedBecause is null;
}

/// <summary>The scope of every entity of <see cref="JishiDbContext"/>: org-scoped (its own path columns),
/// parent-scoped (judged by the row it belongs to), or not scoped (with the reason).</summary>
public static class EntityScopes
{
    public static readonly IReadOnlyDictionary<Type, EntityScope> All = new[]
    {
        OnPaths<Organisation>(o => o.Path),
        OnPaths<Person>(p => p.OrgPath),
        OnPaths<Member>(m => m.OrgPath),
        UnderParent<Sanction, Member>(s => s.MemberId),
        NotScoped<User>("账户由系统管理员管理，不属于组织数据"),
        NotScoped<ApiToken>("令牌属于账户，由账户本人或系统管理员管理"),
        NotScoped<CalendarYearRecord>("全国统一的节假日安排"),
        OnPaths<CaseRecord>(c => c.OrgPath),
        UnderParent<CaseEventRecord, CaseRecord>(x => x.CaseId),
        // A development case's deadline is judged by its case; another procedure's by its own copy of the path.
        OnPaths<CaseDeadlineRecord>(x => x.OrgPath) with { Parent = Parent<CaseDeadlineRecord, CaseRecord>(x => x.CaseId) },
        // A 志愿书 issued on a case the caller may record on, though held by a committee above it, is the case's.
        OnPaths<AdmissionFormSerialRecord>(x => x.OrgPath) with { Parent = Parent<AdmissionFormSerialRecord, CaseRecord>(x => x.CaseId) },
        OnPaths<AdmissionFormBatchRecord>(x => x.OrgPath),
        UnderParent<CaseAttachmentRecord, CaseRecord>(x => x.CaseId),
        OnPaths<ProcedureRecord>(x => x.OrgPath, x => x.CounterpartOrgPath),
        UnderParent<ProcedureEventRecord, ProcedureRecord>(x => x.ProcedureId),
        OnPaths<TransferRecord>(x => x.IssuingOrgPath, x => x.ToOrgPath),
        OnPaths<MobilityRecord>(x => x.FormalOrgPath, x => x.InflowOrgPath),
        OnPaths<LostContactRecord>(x => x.OrgPath),
        OnPaths<DisposalRecord>(x => x.OrgPath),
        OnPaths<MembershipChangeRecord>(x => x.OrgPath) with { Parent = Parent<MembershipChangeRecord, Member>(x => x.MemberId) },
        OnPaths<Dues.DuesAssessmentRecord>(x => x.OrgPath),
        // A payment belongs to the organisation that collected it (the formal branch, or the inflow branch of a card holder).
        OnPaths<Dues.DuesPaymentRecord>(x => x.OrgPath),
        // Derived from the payments: written with the payment that changes it, by the organisation that collected it.
        UnderParent<Dues.DuesPaidMonthsRecord, Dues.DuesPaymentRecord>(x => x.LastPaymentId),
        // A remittance or an allocation is seen by both organisations; it is written by the one whose account it is.
        OnPaths<Dues.DuesLedgerEntryRecord>(x => x.OrgPath, x => x.CounterpartOrgPath),
        OnPaths<Dues.DuesYearReportRecord>(x => x.OrgPath),
        OnPaths<OrgLife.MeetingRecord>(x => x.OrgPath),
        UnderParent<OrgLife.MeetingAttendanceRecord, OrgLife.MeetingRecord>(x => x.MeetingId),
        // Recorded by the member's organisation of the day; a later organisation reads them through its member.
        OnPaths<OrgLife.LapseExemptionRecord>(x => x.OrgPath),
        OnPaths<OrgLife.AppraisalRecord>(x => x.OrgPath),
        UnderParent<OrgLife.AppraisalGradeRecord, OrgLife.AppraisalRecord>(x => x.AppraisalId),
        OnPaths<OrgLife.TrainingRecord>(x => x.OrgPath),
        // Arranged (written) by a county-or-above committee; read below it through PartySpiritAnalyses.ArrangedFor.
        OnPaths<OrgLife.PartySpiritAnalysisRecord>(x => x.OrgPath),
        // Recorded by the member's organisation of the day.
        OnPaths<OrgLife.PartySpiritParticipationRecord>(x => x.OrgPath),
    }.ToDictionary(s => s.Entity);

    /// <summary>The declaration of <paramref name="entity"/>; an entity without one is a programming error, refused
    /// before anything is stored.</summary>
    public static EntityScope Of(Type entity) => All.TryGetValue(entity, out var scope)
        ? scope
        : throw new InvalidOperationException(
            $"{entity.Name} declares no organisation scope: declare it in EntityScopes (OnPaths, UnderParent or NotScoped)");

    public static EntityScope OnPaths<T>(Expression<Func<T, string?>> path, Expression<Func<T, string?>>? other = null)
        where T : class =>
        new(typeof(T), other is null ? [Copy(path)] : [Copy(path), Copy(other)], null, null);

    public static EntityScope UnderParent<T, TParent>(Func<T, string?> parentKey)
        where T : class
        where TParent : class =>
        new(typeof(T), [], Parent<T, TParent>(parentKey), null);

    public static EntityScope NotScoped<T>(string because) => new(typeof(T), [], null, because);

    private static EntityScope.ParentRow Parent<T, TParent>(Func<T, string?> parentKey)
        where T : class
        where TParent : class =>
        new(typeof(TParent), (db, child) => parentKey((T)child) is { } key ? db.Set<TParent>().Local.FindEntry(key) : null);

    private static EntityScope.PathCopy Copy<T>(Expression<Func<T, string?>> path)
        where T : class
    {
        var property = ((MemberExpression)path.Body).Member.Name;
        return new(property, path, (db, oldPath, newPath, ct) => MovePathCopies(db.Set<T>().IgnoreQueryFilters(), path, oldPath, newPath, ct));
    }

    /// <summary>
    /// One table's copies of organisation paths (the scope filter's key): every row whose path lies in the subtree at
    /// <paramref name="oldPath"/> gets <paramref name="newPath"/> in place of that prefix, in one UPDATE on the path index.
    /// </summary>
    private static Task<int> MovePathCopies<T>(IQueryable<T> rows, Expression<Func<T, string?>> path, string oldPath, string newPath,
        CancellationToken ct)
        where T : class
    {
        var compare = typeof(string).GetMethod(nameof(string.CompareTo), [typeof(string)])!;
        var zero = Expression.Constant(0);
        var inSubtree = Expression.Lambda<Func<T, bool>>(
            Expression.AndAlso(
                Expression.GreaterThanOrEqual(Expression.Call(path.Body, compare, Expression.Constant(oldPath)), zero),
                Expression.LessThan(Expression.Call(path.Body, compare, Expression.Constant(Organisation.SubtreeUpperBound(oldPath))), zero)),
            path.Parameters);
        var moved = Expression.Lambda<Func<T, string?>>(
            Expression.Call(typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!, Expression.Constant(newPath),
                Expression.Call(path.Body, typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!, Expression.Constant(oldPath.Length))),
            path.Parameters);
        return rows.Where(inSubtree).ExecuteUpdateAsync(s => s.SetProperty(path, moved), ct);
    }
}
