namespace Jishi.Domain.Members;

/// <summary>党员身份 (GLOSSARY.md §1–2): a probationary member has no voting rights (S3 第七条, G-08).</summary>
public enum MemberStatus
{
    /// <summary>预备党员.</summary>
    ProbationaryMember,

    /// <summary>正式党员.</summary>
    FullMember,
}
