using System.Linq.Expressions;
using Jishi.App.Data;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Organisations;

/// <summary>What a client sends to create an organisation (API.md "Organisations").</summary>
public sealed record NewOrg(
    string? Name,
    OrgType? Type,
    string? ParentId = null,
    bool? HasCommittee = null,
    bool? HasAdmissionApprovalAuthority = null,
    bool? IsUnderTownshipOrSubdistrict = null,
    bool? MeetsDevelopmentConditions = null);

/// <summary>Changes to an organisation's name and flags; a null leaves the value as it is.</summary>
public sealed record OrgChanges(
    string? Name = null,
    bool? HasCommittee = null,
    bool? HasAdmissionApprovalAuthority = null,
    bool? IsUnderTownshipOrSubdistrict = null,
    bool? MeetsDevelopmentConditions = null);

public sealed class CreateOrg(JishiDbContext db, TimeProvider time)
{
    public async Task<Organisation> Handle(NewOrg input, CancellationToken ct = default)
    {
        var v = new Validation();
        var name = v.Required("name", input.Name, 200, "组织名称");
        var type = v.Required("type", input.Type, "组织类型");
        v.ThrowIfInvalid();

        Organisation? parent = null;
        if (!string.IsNullOrWhiteSpace(input.ParentId))
        {
            parent = await db.Orgs.FirstOrDefaultAsync(o => o.Id == input.ParentId, ct)
                ?? throw new NotFoundException("上级组织", input.ParentId, "parentId");
        }
        else if (!db.Caller.IsAdmin)
        {
            throw new InvalidInputException("parentId", "必须指定上级组织：您只能在本组织及其下级组织中新建组织");
        }

        if (OrgHierarchy.CheckParent(type, parent?.Type) is { } structural)
        {
            throw new InvalidInputException([structural]);
        }

        var underTownship = (input.IsUnderTownshipOrSubdistrict ?? false) || OrgRules.IsBelowTownship(parent);
        var org = new Organisation
        {
            Id = Ids.New(time),
            Name = name,
            Type = type,
            Level = OrgTypes.DefaultLevel(type),
            ParentId = parent?.Id,
            Path = "",
            HasCommittee = input.HasCommittee ?? type.HasCommitteeByDefault(),
            HasAdmissionApprovalAuthority = input.HasAdmissionApprovalAuthority ?? false,
            IsUnderTownshipOrSubdistrict = underTownship,
            MeetsDevelopmentConditions = input.MeetsDevelopmentConditions ?? false,
            CreatedAt = time.GetUtcNow(),
        };
        org.Path = parent is null ? Organisation.RootPath(org.Id) : parent.ChildPath(org.Id);
        org.Depth = parent is null ? 0 : parent.Depth + 1;
        OrgRules.ThrowIfRefused(org);

        db.Orgs.Add(org);
        await db.SaveChangesAsync(ct);
        return org;
    }
}

public sealed class UpdateOrg(JishiDbContext db)
{
    public async Task<Organisation> Handle(string id, OrgChanges changes, CancellationToken ct = default)
    {
        var org = await db.Orgs.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id);
        var v = new Validation();
        if (changes.Name is not null)
        {
            org.Name = v.Required("name", changes.Name, 200, "组织名称");
        }

        v.ThrowIfInvalid();
        org.HasCommittee = changes.HasCommittee ?? org.HasCommittee;
        org.HasAdmissionApprovalAuthority = changes.HasAdmissionApprovalAuthority ?? org.HasAdmissionApprovalAuthority;
        org.MeetsDevelopmentConditions = changes.MeetsDevelopmentConditions ?? org.MeetsDevelopmentConditions;
        if (changes.IsUnderTownshipOrSubdistrict is { } under)
        {
            var parent = org.ParentId is null ? null : await db.Orgs.IgnoreQueryFilters().FirstAsync(o => o.Id == org.ParentId, ct);
            if (!under && OrgRules.IsBelowTownship(parent))
            {
                throw new InvalidInputException("isUnderTownshipOrSubdistrict", "上级是乡镇（街道）党委或其所属组织，此项不能设为 false");
            }

            org.IsUnderTownshipOrSubdistrict = under;
        }

        OrgRules.ThrowIfRefused(org);
        await db.SaveChangesAsync(ct);
        return org;
    }
}

/// <summary>
/// Moves an organisation (with everything below it) under another parent. A move under itself or its own
/// descendant would make a cycle and is refused. Paths of the subtree, and the path copies on people, members, cases, deadlines and the 志愿书 register,
/// are rewritten in one transaction (<see cref="SubtreeMove"/>).
/// </summary>
public sealed class MoveOrg(JishiDbContext db)
{
    public async Task<Organisation> Handle(string id, string? newParentId, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var move = await SubtreeMove.Prepare(db, id, newParentId, "parentId", ct);
        if (move.Refusals.Count > 0)
        {
            throw new RuleViolationException(move.Refusals);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SubtreeMove.Apply(db, move, ct);
        await tx.CommitAsync(ct);

        db.ChangeTracker.Clear();
        return await db.Orgs.FirstAsync(o => o.Id == id, ct);
    }
}

/// <summary>
/// What moving an organisation with its subtree takes, shared by <see cref="MoveOrg"/> and 整建制转接
/// (<see cref="TransferWholeUnit"/>): the checks (in the caller's scope, no cycle, OrgHierarchy.CheckParent, G-14 under
/// a township or subdistrict committee), then the rewrite of every path copy, inside the caller's transaction.
/// </summary>
public static class SubtreeMove
{
    /// <summary>A checked move: the organisation (tracked; its G-14 flag set when it goes under a township), its new
    /// parent, the two paths and the G-14 refusals (the move is refused when there are any).</summary>
    public sealed record Plan(Organisation Org, Organisation Parent, string OldPath, string NewPath, bool BelowTownship,
        IReadOnlyList<Refusal> Refusals);

    /// <summary>Loads the organisation and its new parent in the caller's scope (404) and checks the move: a cycle or
    /// a structural misfit is a 400 on <paramref name="parentField"/>; the G-14 refusals are returned.</summary>
    public static async Task<Plan> Prepare(JishiDbContext db, string id, string? newParentId, string parentField, CancellationToken ct)
    {
        var org = await db.Orgs.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id);
        if (string.IsNullOrWhiteSpace(newParentId))
        {
            throw new InvalidInputException(parentField, "必须指定新的上级组织");
        }

        var parent = await db.Orgs.FirstOrDefaultAsync(o => o.Id == newParentId, ct)
            ?? throw new NotFoundException("上级组织", newParentId, parentField);
        if (parent.Path.StartsWith(org.Path, StringComparison.Ordinal))
        {
            throw new InvalidInputException(parentField,
                parent.Id == org.Id
                    ? "不能把组织移到它自己下面"
                    : $"“{parent.Name}”是“{org.Name}”的下级组织，移动后会形成循环");
        }

        if (OrgHierarchy.CheckParent(org.Type, parent.Type) is { } structural)
        {
            throw new InvalidInputException([structural with { Field = parentField }]);
        }

        var oldPath = org.Path;
        var belowTownship = OrgRules.IsBelowTownship(parent);
        var refusals = new List<Refusal>();
        if (belowTownship)
        {
            // G-14 holds for the whole subtree: under a township/subdistrict committee no committee may approve.
            org.IsUnderTownshipOrSubdistrict = true;
            var upperBound = Organisation.SubtreeUpperBound(oldPath);
            var approving = await db.Orgs.IgnoreQueryFilters()
                .Where(o => o.Path.CompareTo(oldPath) >= 0 && o.Path.CompareTo(upperBound) < 0 && o.HasAdmissionApprovalAuthority)
                .OrderBy(o => o.Path).ToListAsync(ct);
            refusals.AddRange(approving.Select(o => o.Id == org.Id ? org : o)
                .Select(o => ApprovalAuthority.RefuseApprovalAuthority(o.Type, isUnderTownshipOrSubdistrict: true) is { } r
                    ? r with { Message = $"“{o.Name}”移到乡镇（街道）党委之下后{r.Message}；请先取消其审批权限" }
                    : null)
                .OfType<Refusal>());
        }

        if (refusals.Count == 0 && org.HasAdmissionApprovalAuthority
            && ApprovalAuthority.RefuseApprovalAuthority(org.Type, org.IsUnderTownshipOrSubdistrict) is { } own)
        {
            refusals.Add(own);
        }

        return new Plan(org, parent, oldPath, parent.ChildPath(org.Id), belowTownship, refusals);
    }

    /// <summary>The path an organisation or row at <paramref name="path"/> inside the moved subtree has after the move.</summary>
    public static string Moved(this Plan plan, string path) => plan.NewPath + path[plan.OldPath.Length..];

    /// <summary>Carries out a checked move inside the caller's transaction: the organisation's flag, the paths and
    /// depths of the subtree, its parent, and every table's copies of those paths.</summary>
    public static async Task Apply(JishiDbContext db, Plan plan, CancellationToken ct)
    {
        if (plan.Refusals.Count > 0)
        {
            throw new InvalidOperationException("a refused move is not applied");
        }

        var (org, parent, oldPath, newPath) = (plan.Org, plan.Parent, plan.OldPath, plan.NewPath);
        var depthShift = parent.Depth + 1 - org.Depth;
        var upper = Organisation.SubtreeUpperBound(oldPath);

#pragma warning disable CA1845 // inside expression trees: EF Core translates Substring, not spans
        await db.SaveChangesAsync(ct); // the flag set by Prepare, if it changed
        await db.Orgs.IgnoreQueryFilters()
            .Where(o => o.Path.CompareTo(oldPath) >= 0 && o.Path.CompareTo(upper) < 0)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Path, o => newPath + o.Path.Substring(oldPath.Length))
                .SetProperty(o => o.Depth, o => o.Depth + depthShift), ct);
        await db.Orgs.IgnoreQueryFilters().Where(o => o.Id == org.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ParentId, parent.Id), ct);
        if (plan.BelowTownship)
        {
            var newUpper = Organisation.SubtreeUpperBound(newPath);
            await db.Orgs.IgnoreQueryFilters()
                .Where(o => o.Path.CompareTo(newPath) >= 0 && o.Path.CompareTo(newUpper) < 0)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsUnderTownshipOrSubdistrict, true), ct);
        }
        // Every copy of an organisation path on other rows, as each entity declares them (EntityScopes).
        foreach (var copy in EntityScopes.All.Values.Where(s => s.Entity != typeof(Organisation)).SelectMany(s => s.Paths))
        {
            await copy.Move(db, oldPath, newPath, ct);
        }
#pragma warning restore CA1845
    }
}


public sealed class GetOrg(JishiDbContext db)
{
    public async Task<Organisation> Handle(string id, CancellationToken ct = default) =>
        await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id);
}

/// <summary>
/// Lists organisations: the children of <c>parentId</c>; or, with <c>subtree</c>, everything below it (ordered as a
/// tree); without a parent, the tops of the caller's scope.
/// </summary>
public sealed class ListOrgs(JishiDbContext db)
{
    public async Task<IReadOnlyList<Organisation>> Handle(string? parentId, bool subtree = false, CancellationToken ct = default)
    {
        var orgs = db.Orgs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(parentId))
        {
            var parent = await orgs.FirstOrDefaultAsync(o => o.Id == parentId, ct)
                ?? throw new NotFoundException("上级组织", parentId, "parentId");
            if (subtree)
            {
                var upper = Organisation.SubtreeUpperBound(parent.Path);
                return await orgs.Where(o => o.Path.CompareTo(parent.Path) > 0 && o.Path.CompareTo(upper) < 0)
                    .OrderBy(o => o.Path).ToListAsync(ct);
            }

            return await orgs.Where(o => o.ParentId == parentId).OrderBy(o => o.Id).ToListAsync(ct);
        }

        if (subtree)
        {
            return await orgs.OrderBy(o => o.Path).ToListAsync(ct);
        }

        if (db.Caller.ScopePath is { } scopePath)
        {
            return await orgs.Where(o => o.Path == scopePath).ToListAsync(ct);
        }

        return await orgs.Where(o => o.ParentId == null).OrderBy(o => o.Id).ToListAsync(ct);
    }
}

internal static class OrgRules
{
    public static bool IsBelowTownship(Organisation? parent) =>
        parent is not null
        && (parent.Type.IsTownshipOrSubdistrictCommittee() || parent.IsUnderTownshipOrSubdistrict);

    /// <summary>G-14: only committees that may approve admissions can carry the flag.</summary>
    public static void ThrowIfRefused(Organisation org)
    {
        if (org.HasAdmissionApprovalAuthority
            && ApprovalAuthority.RefuseApprovalAuthority(org.Type, org.IsUnderTownshipOrSubdistrict) is { } refusal)
        {
            throw new RuleViolationException([refusal]);
        }
    }
}
