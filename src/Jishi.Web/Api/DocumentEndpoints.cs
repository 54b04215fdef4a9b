using Jishi.App;
using Jishi.App.Documents;
using Jishi.Web.Documents;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Jishi.Web.Api;

/// <summary>
/// Documents and the electronic archive (API.md): the forms and the 全程纪实 report as A4 PDF, archive completeness
/// and the archive export. The same handlers serve the pages under <c>/ui</c> with the login cookie.
/// </summary>
public static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id}").WithTags("Documents and the electronic archive");
        MapDocuments(cases);
        cases.MapGet("/archive", Archive).WithSummary("电子档案完整性（第三十六条，R-36-archive）：已有和尚缺的归档材料");
    }

    /// <summary>Downloads for the pages (cookie authentication): the same documents and the attachments, and the
    /// transfer letter of the transfer page, the attendance sheet of the meeting page.</summary>
    public static void MapDocumentPages(this WebApplication app)
    {
        var ui = app.MapGroup("/ui/cases/{id}")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme })
            .ExcludeFromDescription();
        MapDocuments(ui);
        ui.MapPost("/attachments", UploadFromPage).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AttachmentEndpoints.RequestLimit));
        ui.MapGet("/attachments/{attachmentId}", async (string id, string attachmentId, App.Cases.GetAttachment useCase, CancellationToken ct) =>
        {
            var (a, path) = await useCase.Handle(id, attachmentId, ct);
            return File.Exists(path) ? Results.File(path, a.ContentType, a.FileName) : throw new NotFoundException("附件文件", a.Id);
        });
        app.MapGet("/ui/transfers/{id}/letter.pdf", TransferEndpoints.Letter)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme })
            .ExcludeFromDescription();
        app.MapGet("/ui/meetings/{id}/attendance.pdf", MeetingEndpoints.AttendancePdf)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme })
            .ExcludeFromDescription();
        app.MapGet("/ui/appraisals/{id}/summary.pdf", MeetingEndpoints.AppraisalSummaryPdf)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme })
            .ExcludeFromDescription();
    }

    /// <summary>The case page's upload form (multipart with the antiforgery token): back to the page's materials
    /// panel, with the reason when the file is refused.</summary>
    private static async Task<IResult> UploadFromPage(string id, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? documentType,
        [Microsoft.AspNetCore.Mvc.FromForm] string? eventSeq, App.Cases.AddAttachment useCase, CancellationToken ct)
    {
        try
        {
            await using var content = file?.OpenReadStream() ?? Stream.Null;
            await useCase.Handle(id, new App.Cases.NewAttachment(content, file?.Length ?? 0, file?.FileName, documentType, eventSeq, null), ct);
            return Results.Redirect($"/cases/{Uri.EscapeDataString(id)}?done=AttachmentAdded#materials");
        }
        catch (Domain.Rules.InvalidInputException e)
        {
            var message = string.Join("；", e.Errors.Select(x => x.Message));
            return Results.Redirect($"/cases/{Uri.EscapeDataString(id)}?uploadError={Uri.EscapeDataString(message)}#materials");
        }
        catch (Domain.Rules.RuleViolationException e)
        {
            var message = string.Join("；", e.Refusals.Select(r => $"{r.Article}：{r.Message}"));
            return Results.Redirect($"/cases/{Uri.EscapeDataString(id)}?uploadError={Uri.EscapeDataString(message)}#materials");
        }
    }

    private static void MapDocuments(RouteGroupBuilder group)
    {
        group.MapGet("/forms/{form}.pdf", Form)
            .WithSummary("表格 PDF（A4）：ActivistRecordForm、ProbationRecordForm、PublicNotice、BranchResolution")
            .WithDescription("按纪实记录填写，中文可检索、可复制。个案尚未到该环节时返回 422（注明规则和条款）。"
                + "PublicNotice 可加 startDate（公示开始日期，默认今天起第一个工作日，五个工作日）和 contact（意见反馈联系方式）；"
                + "BranchResolution 可加 seq（表决记录的序号，默认最近一次讨论接收的支部大会）。");
        group.MapGet("/record.pdf", Record).WithSummary("全程纪实报告 PDF：每条记录、放行的警告和例外、材料摘要、链头哈希和核验码");
        group.MapGet("/archive.zip", ArchiveZip)
            .WithSummary("电子档案导出：manifest.json（个案、含哈希的纪实记录、材料摘要）、表格 PDF、全程纪实报告和材料原件")
            .WithDescription("可用 jishi archive verify <zip> 脱机核验。");
    }

    private static async Task<IResult> Form(string id, string form, string? startDate, string? contact, string? seq,
        CaseDocuments documents, CancellationToken ct)
    {
        if (!CaseDocuments.TryParseForm(form, out var f))
        {
            throw new NotFoundException("表格", form + "（可用：" + string.Join("、", Enum.GetNames<CaseForm>()) + "）");
        }

        var v = new Validation();
        DateOnly? start = null;
        if (!string.IsNullOrEmpty(startDate))
        {
            if (DateOnly.TryParseExact(startDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var s))
            {
                start = s;
            }
            else
            {
                v.Add("startDate", $"“{startDate}”不是日期；应为 YYYY-MM-DD");
            }
        }

        int? vote = null;
        if (!string.IsNullOrEmpty(seq))
        {
            if (int.TryParse(seq, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                vote = n;
            }
            else
            {
                v.Add("seq", $"“{seq}”不是有效的记录序号（正整数）");
            }
        }

        if (contact is { Length: > 200 })
        {
            v.Add("contact", "不能超过 200 个字符");
        }

        v.ThrowIfInvalid();
        var pdf = await documents.FormAsync(id, f, new FormRequest(start, contact, vote), ct);
        return Results.File(pdf, "application/pdf", $"{CaseDocuments.FileName(f)}-{id}.pdf");
    }

    private static async Task<IResult> Record(string id, CaseDocuments documents, CancellationToken ct) =>
        Results.File(await documents.RecordAsync(id, ct), "application/pdf", $"全程纪实-{id}.pdf");

    private static async Task<IResult> ArchiveZip(string id, CaseDocuments documents, CancellationToken ct) =>
        Results.File(await documents.ArchiveAsync(id, ct), "application/zip", $"电子档案-{id}.zip");

    private static async Task<ArchiveResponse> Archive(string id, GetArchiveStatus useCase, CancellationToken ct) =>
        ArchiveResponse.From(await useCase.Handle(id, ct));
}

public sealed record ArchiveItemResponse(Domain.Development.DocumentType DocumentType, bool Required, bool Present,
    IReadOnlyList<AttachmentResponse> Attachments, bool DeclaredOnArchiving);

public sealed record ArchiveResponse(bool Complete, IReadOnlyList<Domain.Development.DocumentType> Missing, IReadOnlyList<ArchiveItemResponse> Items,
    Domain.Development.RulesVersion RulesVersion)
{
    public static ArchiveResponse From(ArchiveStatus s) => new(s.Complete, s.Missing,
        s.Items.Select(i => new ArchiveItemResponse(i.DocumentType, i.Required, i.Present, i.Attachments.Select(AttachmentResponse.From).ToList(), i.Declared)).ToList(),
        s.RulesVersion);
}
