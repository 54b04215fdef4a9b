using Jishi.App.Organisations;
using Jishi.App.OrgLife;
using Jishi.Web.Components.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Jishi.Web.Documents;

/// <summary>The printed attendance sheet (会议签到表) of one meeting, from the same record as GET /meetings/{id}.</summary>
public sealed class MeetingDocuments(GetOrgNames orgNames, HtmlRenderer renderer, PdfPrinter printer)
{
    public async Task<byte[]> AttendancePdfAsync(MeetingRecord meeting, CancellationToken ct = default)
    {
        var names = await orgNames.Handle([meeting.OrgId], ct);
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<AttendanceSheetDoc>(
            ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                ["Meeting"] = meeting,
                ["OrgName"] = names.GetValueOrDefault(meeting.OrgId, meeting.OrgId),
            }))).ToHtmlString());
        return await printer.PrintAsync(html, ct);
    }

    /// <summary><c>会议签到表-2026-03-15.pdf</c>.</summary>
    public static string FileName(MeetingRecord meeting) => $"会议签到表-{meeting.Date:yyyy-MM-dd}.pdf";
}
