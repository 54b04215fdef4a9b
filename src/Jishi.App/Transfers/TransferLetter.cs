using Jishi.App.Data;
using Jishi.Domain.Members;
using Jishi.Domain.People;
using Jishi.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Transfers;

/// <summary>
/// What the printed three-part letter is filled from (MANAGEMENT.md A.1.3, 组通字〔2006〕45号 style): the transfer,
/// the member as on the issue date (age in full years, 正式 or 预备), and the names of the organisations it runs
/// between. The 公民身份号码 is shown in full to an administrator only, masked to everyone else, as everywhere.
/// </summary>
public sealed record TransferLetter(
    TransferView View,
    string MemberName,
    Gender Gender,
    int Age,
    string? Ethnicity,
    string IdNumber,
    MemberStatus Status,
    string? Phone,
    string IssuingOrgName,
    string FromOrgName)
{
    public TransferRecord Transfer => View.Transfer;

    /// <summary>The receiving organisation: its name in this system, or the name as written on the letter (outside it).</summary>
    public string ToOrgName => Transfer.ToOrgName;

    public bool ToOrgInSystem => Transfer.ToOrgId is not null;

    /// <summary>The first 6 characters, 8 asterisks for the birth date, and the last 4 (as the registry shows it).</summary>
    public static string Mask(string idNumber) =>
        idNumber.Length == 18 ? string.Concat(idNumber.AsSpan(0, 6), "********", idNumber.AsSpan(14)) : "******";

    /// <summary>Full years on <paramref name="date"/>; a 29 February birthday turns over on 28 February (G-02).</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        return birthDate.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>正式 on the issue date unless the member became full only later (转正 after the letter).</summary>
    public static MemberStatus StatusOn(Member m, DateOnly date) =>
        m.Status == MemberStatus.FullMember && !(m.PartyAgeStartDate > date) ? MemberStatus.FullMember : MemberStatus.ProbationaryMember;
}

/// <summary>Reads a transfer's letter in the caller's scope (404 outside it, as GET /transfers/{id}). The member and the
/// organisations are read across scopes: the receiving side prints the letter of a member it does not hold yet.</summary>
public sealed class GetTransferLetter(JishiDbContext db, GetTransfer get)
{
    public async Task<TransferLetter> Handle(string id, CancellationToken ct = default)
    {
        var view = await get.Handle(id, ct);
        var t = view.Transfer;
        var member = await db.Members.IgnoreQueryFilters().AsNoTracking().FirstAsync(m => m.Id == t.MemberId, ct);
        var person = await db.People.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == member.PersonId, ct);
        string[] orgIds = [t.IssuingOrgId, t.FromOrgId];
        var names = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var idNumber = db.Caller.IsAdmin ? person.IdNumber : TransferLetter.Mask(person.IdNumber);
        return new TransferLetter(view, person.Name, person.Gender, TransferLetter.AgeOn(person.BirthDate, t.IssuedDate), person.Ethnicity,
            idNumber, TransferLetter.StatusOn(member, t.IssuedDate), person.Phone, names.GetValueOrDefault(t.IssuingOrgId, t.IssuingOrgId),
            names.GetValueOrDefault(t.FromOrgId, t.FromOrgId));
    }
}
