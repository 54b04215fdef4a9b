using Jishi.App;
using Jishi.App.Accounts;
using Jishi.Domain.Accounts;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.People;
using Jishi.Domain.Rules;
using Jishi.Domain.Transfers;

namespace Jishi.Web.Api;

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public sealed record OrgResponse(
    string Id, string Name, OrgType Type, string TypeLabel, OrgLevel Level, string? ParentId, int Depth,
    bool HasCommittee, bool HasAdmissionApprovalAuthority, bool IsUnderTownshipOrSubdistrict,
    bool MeetsDevelopmentConditions, DateTimeOffset CreatedAt)
{
    public static OrgResponse From(Organisation o) => new(o.Id, o.Name, o.Type, o.Type.Label(), o.Level, o.ParentId,
        o.Depth, o.HasCommittee, o.HasAdmissionApprovalAuthority, o.IsUnderTownshipOrSubdistrict,
        o.MeetsDevelopmentConditions, ChinaTime.ToChina(o.CreatedAt));
}

/// <summary>A person; the id number is masked (110105********1234) unless the caller is an Admin.</summary>
public sealed record PersonResponse(
    string Id, string Name, string IdNumber, DateOnly BirthDate, Gender Gender, string? Ethnicity,
    Education? Education, Occupation? Occupation, string? Phone, string? UnitName, bool? UnitHasPartyOrg,
    string? HukouLocation, string? Residence, bool IsMobile, string? OutflowPlace, string? InflowPlace,
    DateOnly? ExpectedDepartureDate, string? OrgId, DateTimeOffset CreatedAt)
{
    public static PersonResponse From(Person p, Caller caller) => new(p.Id, p.Name,
        caller.IsAdmin ? p.IdNumber : Mask(p.IdNumber), p.BirthDate, p.Gender, p.Ethnicity, p.Education, p.Occupation,
        p.Phone, p.UnitName, p.UnitHasPartyOrg, p.HukouLocation, p.Residence, p.IsMobile, p.OutflowPlace, p.InflowPlace,
        p.ExpectedDepartureDate, p.OrgId, ChinaTime.ToChina(p.CreatedAt));

    public static string Mask(string idNumber) =>
        idNumber.Length == 18 ? string.Concat(idNumber.AsSpan(0, 6), "********", idNumber.AsSpan(14)) : "******";
}

public sealed record SanctionResponse(
    string Id, string MemberId, SanctionType Type, string TypeLabel, DateOnly ApprovedDate, DateOnly? RightsRestoredDate,
    DateOnly? EffectEndDate, bool InEffect, string? MatterRef)
{
    public static SanctionResponse From(Sanction s, DateOnly today) => new(s.Id, s.MemberId, s.Type, s.Type.Label(),
        s.ApprovedDate, s.RightsRestoredDate, s.EffectEndDate, s.IsInEffectOn(today), s.MatterRef);
}

public sealed record MemberResponse(
    string Id, string PersonId, string Name, string OrgId, MemberStatus Status, DateOnly? ProbationStartDate,
    DateOnly? PartyAgeStartDate, bool HasVotingRight, IReadOnlyList<SanctionResponse> Sanctions, IReadOnlyList<string> Flags,
    DateOnly? LeftDate, GraduationResponse? Graduation = null)
{
    public static MemberResponse From(Member m, Person p, DateOnly today, IReadOnlyList<string>? flags = null) => new(m.Id, m.PersonId, p.Name, m.OrgId,
        m.Status, m.ProbationStartDate, m.PartyAgeStartDate, m.HasVotingRightOn(today),
        m.Sanctions.OrderBy(s => s.ApprovedDate).Select(s => SanctionResponse.From(s, today)).ToList(), flags ?? [], m.LeftDate,
        GraduationResponse.From(m, today));
}

/// <summary>A graduate's relation kept by its organisation (T-12-graduates): <c>keptUntil</c> is graduation + 24 months;
/// <c>overdue</c> while the keeping organisation still holds the relation after that day.</summary>
public sealed record GraduationResponse(DateOnly GraduationDate, bool Placed, string? KeepingOrgId, DateOnly KeptUntil, bool Applies, bool Overdue)
{
    public static GraduationResponse? From(Member m, DateOnly today)
    {
        if (m.GraduationDate is not { } graduated)
        {
            return null;
        }

        var applies = m.GraduationOrgId is { } keeper && GraduateRules.Applies(keeper, m.OrgId, m.LeftDate is not null);
        return new(graduated, m.GraduatePlaced, m.GraduationOrgId, GraduateRules.KeepUntil(graduated), applies,
            applies && GraduateRules.IsOverdue(graduated, today));
    }
}

public sealed record UserResponse(string Id, string UserName, string DisplayName, string? OrgId, Role Role, DateTimeOffset CreatedAt)
{
    public static UserResponse From(User u) => new(u.Id, u.UserName, u.DisplayName, u.OrgId, u.Role, ChinaTime.ToChina(u.CreatedAt));
}

public sealed record TokenResponse(string Id, string Token, string Prefix, DateTimeOffset CreatedAt);

public sealed record WorkingDaysResponse(DateOnly From, DateOnly To, int WorkingDays);

public sealed record CalendarYearResponse(int Year, int WorkingDays);

/// <summary>Paging arguments: page from 1, pageSize 1–200 (default 20).</summary>
public static class Paging
{
    public static (int Page, int PageSize) Check(int? page, int? pageSize)
    {
        var errors = new List<FieldError>();
        if (page is < 1)
        {
            errors.Add(new FieldError("page", "页码从 1 开始"));
        }

        if (pageSize is < 1 or > 200)
        {
            errors.Add(new FieldError("pageSize", "每页条数应在 1 到 200 之间"));
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return (page ?? 1, pageSize ?? 20);
    }
}
