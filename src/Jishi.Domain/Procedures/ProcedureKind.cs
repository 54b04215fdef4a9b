namespace Jishi.Domain.Procedures;

/// <summary>The statutory procedures that run on the one engine (API.md "Procedures").</summary>
public enum ProcedureKind
{
    /// <summary>发展党员个案.</summary>
    DevelopmentCase,

    /// <summary>组织关系转接 (T-rules).</summary>
    Transfer,

    /// <summary>流动党员 (F-rules).</summary>
    Mobility,

    /// <summary>失联党员 (F-rules).</summary>
    LostContact,

    /// <summary>不合格党员组织处置 (X-rules).</summary>
    Disposal,
}
