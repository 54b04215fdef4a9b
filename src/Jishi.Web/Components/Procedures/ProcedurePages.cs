using Jishi.Domain.Procedures;

namespace Jishi.Web.Components.Procedures;

/// <summary>Where each procedure's page is and what a link to it says: one definition for the alerts, the calendar
/// feed and every page that links to a procedure (a new kind fails the build until it is here).</summary>
public static class ProcedurePages
{
    public static string Url(ProcedureKind kind, string id) => kind switch
    {
        ProcedureKind.DevelopmentCase => $"/cases/{id}",
        ProcedureKind.Transfer => $"/transfers/{id}",
        ProcedureKind.Mobility => $"/mobility/{id}",
        ProcedureKind.LostContact => $"/lost-contacts/{id}",
        ProcedureKind.Disposal => $"/disposals/{id}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The record's name in a link or a calendar entry (查看个案, 转接 …).</summary>
    public static string Noun(ProcedureKind kind) => kind switch
    {
        ProcedureKind.DevelopmentCase => "个案",
        ProcedureKind.Transfer => "转接",
        ProcedureKind.Mobility => "流动党员登记",
        ProcedureKind.LostContact => "失联党员登记",
        ProcedureKind.Disposal => "组织处置",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Who the procedure is about, as the calendar entry names them.</summary>
    public static string Subject(ProcedureKind kind) => kind == ProcedureKind.DevelopmentCase ? "申请人" : "党员";

    /// <summary>Where an organisation's obligation is met: the dues ledger of the year for a dues report (D-20), else the
    /// organisation's page. The alerts page and the calendar feed link there.</summary>
    public static string ObligationUrl(Jishi.App.Alerts.OrgObligation o) => o.Rule == Jishi.Domain.Dues.DuesYearReports.Rule
        ? $"/dues/ledger?orgId={Uri.EscapeDataString(o.OrgId)}&year={o.DueDate.Year - 1}"
        : $"/orgs/{Uri.EscapeDataString(o.OrgId)}";
}
