using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Cases;

/// <summary>A file as received: its bytes (a readable stream), its length and the name the client gave it.</summary>
public sealed record NewAttachment(Stream Content, long Length, string? FileName, string? DocumentType, string? EventSeq, string? Note);

/// <summary>
/// Attaches a document to a case: checks the file (PDF, JPEG or PNG by its first bytes, at most 20 MiB), stores the
/// bytes by their digest, and records an <see cref="CaseEventType.AttachmentAdded"/> step through
/// <see cref="RecordCaseEvent"/> with the attachment's metadata saved in the same transaction.
/// </summary>
public sealed class AddAttachment(JishiDbContext db, DatabaseSettings settings, RecordCaseEvent record, TimeProvider time)
{
    public async Task<CaseAttachmentRecord> Handle(string caseId, NewAttachment input, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var v = new Validation();
        var typeText = v.Required("documentType", input.DocumentType, 40, "材料类型");
        DocumentType documentType = default;
        if (typeText.Length > 0 && (!Enum.TryParse(typeText, out documentType) || !Enum.IsDefined(documentType) || int.TryParse(typeText, out _)))
        {
            v.Add("documentType", $"“{typeText}”不是有效的材料类型；应为 {string.Join("、", Enum.GetNames<DocumentType>())} 之一");
        }

        int? attachedTo = null;
        if (!string.IsNullOrWhiteSpace(input.EventSeq))
        {
            if (int.TryParse(input.EventSeq, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq)
                && seq > 0)
            {
                attachedTo = seq;
            }
            else
            {
                v.Add("eventSeq", $"“{input.EventSeq}”不是有效的步骤序号（正整数）");
            }
        }

        if (input.Length > AttachmentStore.MaxSize)
        {
            v.Add("file", "文件超过 20 MiB");
        }
        else if (input.Length <= 0)
        {
            v.Add("file", "必须上传文件（PDF、JPEG 或 PNG，不超过 20 MiB）");
        }

        var note = input.Note?.Trim();
        if (note is { Length: > 2000 })
        {
            v.Add("note", "不能超过 2000 个字符");
        }

        v.ThrowIfInvalid();

        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("个案", caseId);
        if (attachedTo is { } s && !await db.CaseEvents.AnyAsync(e => e.CaseId == c.Id && e.Seq == s, ct))
        {
            throw new InvalidInputException("eventSeq", $"本个案没有序号为 {s} 的步骤");
        }

        var (tmp, sha256, size, contentType) = await AttachmentStore.ReceiveAsync(settings.DataDirectory, input.Content, ct);
        await AttachmentStore.StoreAsync(settings.DataDirectory, tmp, sha256, ct);

        var fileName = FileNameOf(input.FileName, documentType, contentType);
        var id = Ids.New(time);
        var data = new EventData
        {
            AttachmentId = id,
            DocumentType = documentType,
            FileName = fileName,
            Sha256 = sha256,
            Size = size,
            AttachedToSeq = attachedTo,
            Note = string.IsNullOrEmpty(note) ? null : note,
        };
        CaseAttachmentRecord? attachment = null;
        await record.Handle(c.Id, new NewCaseEvent(CaseEventType.AttachmentAdded, ChinaTime.Today(time), data, [], []), null,
            (_, e) =>
            {
                attachment = new CaseAttachmentRecord
                {
                    Id = id,
                    CaseId = e.CaseId,
                    Seq = e.Seq,
                    AttachedToSeq = attachedTo,
                    DocumentType = documentType,
                    FileName = fileName,
                    Size = size,
                    Sha256 = sha256,
                    ContentType = contentType,
                    CreatedAt = e.RecordedAt,
                };
                db.CaseAttachments.Add(attachment);
            }, ct);
        return attachment!;
    }

    /// <summary>The file's own name without any directory part, at most 200 characters; a name from the document type
    /// when the client sent none.</summary>
    private static string FileNameOf(string? given, DocumentType type, string contentType)
    {
        var name = Path.GetFileName((given ?? "").Replace('\\', '/')).Trim();
        name = new string(name.Where(ch => !char.IsControl(ch)).ToArray());
        if (name.Length == 0)
        {
            name = type + (contentType == "application/pdf" ? ".pdf" : contentType == "image/png" ? ".png" : ".jpg");
        }

        return name.Length <= 200 ? name : name[^200..];
    }
}
