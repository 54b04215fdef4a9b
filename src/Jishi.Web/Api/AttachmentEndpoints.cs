using Jishi.App;
using Jishi.App.Cases;
using Jishi.Domain.Development;
using Microsoft.AspNetCore.Mvc;

namespace Jishi.Web.Api;

/// <summary>Case attachments (API.md "Documents and the electronic archive"): upload, list, download.</summary>
public static class AttachmentEndpoints
{
    /// <summary>20 MiB of file plus room for the multipart envelope.</summary>
    public const long RequestLimit = 21L * 1024 * 1024;

    public static void MapAttachmentEndpoints(this RouteGroupBuilder api)
    {
        var attachments = api.MapGroup("/cases/{id}/attachments").WithTags("Documents and the electronic archive");
        attachments.MapPost("/", Upload)
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimit))
            .WithSummary("上传材料（multipart/form-data：file、documentType、eventSeq?、note?）")
            .WithDescription("只接受 PDF、JPEG、PNG（按文件内容判断，不看文件名和 Content-Type），不超过 20 MiB。文件按 SHA-256 存储且不再改变；"
                + "摘要作为 AttachmentAdded 步骤记入个案的哈希链。");
        attachments.MapGet("/", List).WithSummary("个案的材料（按记录顺序）");
        attachments.MapGet("/{attachmentId}", Download).WithSummary("下载材料原件（内容类型按文件内容）");
    }

    private static async Task<IResult> Upload(string id, IFormFile? file, [FromForm] string? documentType, [FromForm] string? eventSeq,
        [FromForm] string? note, AddAttachment useCase, CancellationToken ct)
    {
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        var attachment = await useCase.Handle(id, new NewAttachment(content, file?.Length ?? 0, file?.FileName, documentType, eventSeq, note), ct);
        return Results.Created($"/api/v1/cases/{id}/attachments/{attachment.Id}", AttachmentResponse.From(attachment));
    }

    private static async Task<AttachmentList> List(string id, ListAttachments useCase, CancellationToken ct) =>
        new((await useCase.Handle(id, ct)).Select(AttachmentResponse.From).ToList());

    private static async Task<IResult> Download(string id, string attachmentId, GetAttachment useCase, CancellationToken ct)
    {
        var (a, path) = await useCase.Handle(id, attachmentId, ct);
        if (!File.Exists(path))
        {
            throw new NotFoundException("附件文件", a.Id);
        }

        return Results.File(path, a.ContentType, a.FileName);
    }
}

public sealed record AttachmentResponse(
    string Id, DocumentType DocumentType, string FileName, long Size, string Sha256, string ContentType, int Seq, int? EventSeq,
    DateTimeOffset CreatedAt)
{
    public static AttachmentResponse From(CaseAttachmentRecord a) => new(a.Id, a.DocumentType, a.FileName, a.Size, a.Sha256,
        a.ContentType, a.Seq, a.AttachedToSeq, ChinaTime.ToChina(a.CreatedAt));
}

public sealed record AttachmentList(IReadOnlyList<AttachmentResponse> Items);
