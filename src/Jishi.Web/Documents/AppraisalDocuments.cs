using Jishi.App.Organisations;
using Jishi.App.OrgLife;
using Jishi.Web.Components.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Jishi.Web.Documents;

/// <summary>The printed 民主评议党员结果汇总表 of one appraisal, from the same record as GET /appraisals/{id}, with the
/// meeting that decided it (L-05).</summary>
public sealed class AppraisalDocuments(GetOrgNames orgNames, GetMeeting meetings, HtmlRenderer renderer, PdfPrinter printer)
{
    public async Task<byte[]> SummaryPdfAsync(AppraisalRecord appraisal, CancellationToken ct = default)
    {
        var names = await orgNames.Handle([appraisal.OrgId], ct);
        var meeting = await meetings.Handle(appraisal.DecidedAtMeetingId, ct);
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<AppraisalSummaryDoc>(
            ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                ["Appraisal"] = appraisal,
                ["Meeting"] = meeting,
                ["OrgName"] = names.GetValueOrDefault(appraisal.OrgId, appraisal.OrgId),
            }))).ToHtmlString());
        return await printer.PrintAsync(html, ct);
    }

    /// <summary><c>民主评议党员结果汇总表-2025.pdf</c>.</summary>
    public static string FileName(AppraisalRecord appraisal) => $"民主评议党员结果汇总表-{appraisal.Year}.pdf";
}
