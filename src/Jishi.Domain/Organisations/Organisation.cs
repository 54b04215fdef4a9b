namespace Jishi.Domain.Organisations;

/// <summary>
/// A party organisation (党组织) in the tree. <see cref="Path"/> is the materialised path of ids from the root,
/// each followed by '/', e.g. "/a1/b2/": "this organisation and everything below it" is one indexed range query.
/// </summary>
public sealed class Organisation
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public OrgType Type { get; set; }

    public OrgLevel Level { get; set; }

    public string? ParentId { get; set; }

    public required string Path { get; set; }

    public int Depth { get; set; }

    /// <summary>设支部委员会 — false means the branch assembly acts for the committee (G-07).</summary>
    public bool HasCommittee { get; set; }

    /// <summary>具有审批权限 (G-14).</summary>
    public bool HasAdmissionApprovalAuthority { get; set; }

    /// <summary>乡镇（街道）党委所属的基层党委 — such a committee can never approve admissions (G-14).</summary>
    public bool IsUnderTownshipOrSubdistrict { get; set; }

    /// <summary>具备发展党员条件 (R-40, for mobile member organisations).</summary>
    public bool MeetsDevelopmentConditions { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The path of a child of this organisation with the given id.</summary>
    public string ChildPath(string childId) => Path + childId + "/";

    public static string RootPath(string id) => "/" + id + "/";

    /// <summary>
    /// The exclusive upper bound of the subtree under <paramref name="path"/> in ordinal order: every path that
    /// starts with "/…/x/" lies in ["/…/x/", "/…/x0"), because '0' is the character after '/'.
    /// </summary>
    public static string SubtreeUpperBound(string path) => path[..^1] + "0";
}
