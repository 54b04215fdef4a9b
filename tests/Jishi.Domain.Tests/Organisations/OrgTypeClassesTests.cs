using Jishi.Domain.Organisations;

namespace Jishi.Domain.Tests.Organisations;

/// <summary>
/// Pins, for every <see cref="OrgType"/>, the classes it belongs to (OrgTypes.Is…). A new type fails
/// <see cref="EveryType_IsClassified"/> until its row is added here, which forces deciding each class for it.
/// </summary>
public sealed class OrgTypeClassesTests
{
    private const string Committee = "Committee";
    private const string CountyOrAboveCommittee = "CountyOrAboveCommittee";
    private const string PrimaryLevelCommittee = "PrimaryLevelCommittee";
    private const string TownshipOrSubdistrictCommittee = "TownshipOrSubdistrictCommittee";
    private const string OrgDepartment = "OrgDepartment";
    private const string CountyOrAboveOrgDepartment = "CountyOrAboveOrgDepartment";
    private const string Branch = "Branch";
    private const string HoldsPartyCells = "HoldsPartyCells";
    private const string BranchLike = "BranchLike";
    private const string CommitteeByDefault = "CommitteeByDefault";
    private const string ReceivesApplications = "ReceivesApplications";

    /// <summary>Each class: its predicate and its list (the form a query uses); both must agree.</summary>
    private static readonly (string Name, Func<OrgType, bool> Is, IReadOnlyList<OrgType>? Values)[] Classes =
    [
        (Committee, t => t.IsCommittee(), OrgTypes.Committees),
        (CountyOrAboveCommittee, t => t.IsCountyOrAboveCommittee(), OrgTypes.CountyOrAboveCommittees),
        (PrimaryLevelCommittee, t => t.IsPrimaryLevelCommittee(), OrgTypes.PrimaryLevelCommittees),
        (TownshipOrSubdistrictCommittee, t => t.IsTownshipOrSubdistrictCommittee(), OrgTypes.TownshipOrSubdistrictCommittees),
        (OrgDepartment, t => t.IsOrgDepartment(), OrgTypes.OrgDepartments),
        (CountyOrAboveOrgDepartment, t => t.IsCountyOrAboveOrgDepartment(), OrgTypes.CountyOrAboveOrgDepartments),
        (Branch, t => t.IsBranch(), OrgTypes.Branches),
        (HoldsPartyCells, t => t.HoldsPartyCells(), OrgTypes.PartyCellHolders),
        (BranchLike, t => t.IsBranchLike(), OrgTypes.BranchLike),
        (CommitteeByDefault, t => t.HasCommitteeByDefault(), null),
        (ReceivesApplications, t => t.ReceivesApplications(), OrgTypes.ApplicationReceivers),
    ];

    /// <summary>The table: every type with exactly the classes it is in.</summary>
    private static readonly Dictionary<OrgType, string[]> Table = new()
    {
        [OrgType.CentralCommittee] = [Committee, CountyOrAboveCommittee, CommitteeByDefault, ReceivesApplications],
        [OrgType.ProvincialCommittee] = [Committee, CountyOrAboveCommittee, CommitteeByDefault, ReceivesApplications],
        [OrgType.PrefecturalCommittee] = [Committee, CountyOrAboveCommittee, CommitteeByDefault, ReceivesApplications],
        [OrgType.CountyCommittee] = [Committee, CountyOrAboveCommittee, CommitteeByDefault, ReceivesApplications],
        [OrgType.OrgDepartment] = [OrgDepartment, CommitteeByDefault],
        [OrgType.CentralOrgDepartment] = [OrgDepartment, CountyOrAboveOrgDepartment, CommitteeByDefault],
        [OrgType.ProvincialOrgDepartment] = [OrgDepartment, CountyOrAboveOrgDepartment, CommitteeByDefault],
        [OrgType.CountyOrgDepartment] = [OrgDepartment, CountyOrAboveOrgDepartment, CommitteeByDefault],
        [OrgType.PrimaryCommittee] = [Committee, PrimaryLevelCommittee, CommitteeByDefault, ReceivesApplications],
        [OrgType.TownshipCommittee] = [Committee, PrimaryLevelCommittee, TownshipOrSubdistrictCommittee, CommitteeByDefault, ReceivesApplications],
        [OrgType.SubdistrictCommittee] = [Committee, PrimaryLevelCommittee, TownshipOrSubdistrictCommittee, CommitteeByDefault, ReceivesApplications],
        [OrgType.WorkingCommittee] = [Committee, PrimaryLevelCommittee, CommitteeByDefault, ReceivesApplications],
        [OrgType.GeneralBranch] = [BranchLike, CommitteeByDefault, ReceivesApplications],
        [OrgType.Branch] = [Branch, HoldsPartyCells, BranchLike, ReceivesApplications],
        [OrgType.BranchCommittee] = [CommitteeByDefault],
        [OrgType.PartyCell] = [],
        [OrgType.TemporaryOrg] = [HoldsPartyCells, BranchLike, ReceivesApplications],
        [OrgType.LeadingPartyGroup] = [CommitteeByDefault],
        [OrgType.MobileMemberOrg] = [HoldsPartyCells, BranchLike, CommitteeByDefault, ReceivesApplications],
        [OrgType.MobileTalentOrg] = [BranchLike, CommitteeByDefault, ReceivesApplications],
        [OrgType.TalentServiceOrg] = [CommitteeByDefault, ReceivesApplications],
        [OrgType.RetireeBranch] = [Branch, HoldsPartyCells, BranchLike, ReceivesApplications],
        [OrgType.CommunityOrg] = [CommitteeByDefault, ReceivesApplications],
        [OrgType.MassOrganization] = [CommitteeByDefault],
        [OrgType.YouthLeague] = [CommitteeByDefault],
        [OrgType.DisciplineAndLawAgency] = [CommitteeByDefault],
        [OrgType.RelevantDepartment] = [CommitteeByDefault],
        [OrgType.DisciplineInspectionCommission] = [CommitteeByDefault],
        [OrgType.Unit] = [CommitteeByDefault],
        [OrgType.SupervisingDepartment] = [CommitteeByDefault],
        [OrgType.EmployerUnit] = [CommitteeByDefault],
        [OrgType.DispatchAgency] = [CommitteeByDefault],
        [OrgType.CoordinationGroup] = [CommitteeByDefault],
    };

    public static TheoryData<OrgType> AllOrgTypes() => new(Enum.GetValues<OrgType>());

    [Fact]
    public void EveryType_IsClassified()
    {
        var missing = Enum.GetValues<OrgType>().Where(t => !Table.ContainsKey(t)).ToList();

        Assert.True(missing.Count == 0, "classify in OrgTypeClassesTests (and OrgTypes) the new types: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(AllOrgTypes))]
    public void EachType_IsInExactlyTheClassesOfItsRow(OrgType type)
    {
        Assert.True(Table.TryGetValue(type, out var expected), $"{type} is not in the table");

        var actual = Classes.Where(c => c.Is(type)).Select(c => c.Name).Order(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
    }

    [Fact]
    public void EachClassList_HoldsExactlyTheTypesItsPredicateAccepts()
    {
        foreach (var (name, isIn, values) in Classes.Where(c => c.Values is not null))
        {
            Assert.Equal(Enum.GetValues<OrgType>().Where(isIn).Order(), values!.Order());
            Assert.True(values!.Distinct().Count() == values!.Count, $"{name} lists a type twice");
        }
    }

    [Fact]
    public void TheCommittees_AreThoseAtAndAboveTheCountyAndThoseBelowIt()
    {
        Assert.Equal(
            OrgTypes.Committees.Order(),
            OrgTypes.CountyOrAboveCommittees.Concat(OrgTypes.PrimaryLevelCommittees).Order());
        Assert.Empty(OrgTypes.CountyOrAboveCommittees.Intersect(OrgTypes.PrimaryLevelCommittees));
    }
}
