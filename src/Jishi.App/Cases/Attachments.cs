using System.Security.Cryptography;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Cases;

/// <summary>
/// A document attached to a case (API.md "Documents and the electronic archive"): the metadata of the stored file,
/// written in the same transaction as the <see cref="CaseEventType.AttachmentAdded"/> event (<see cref="Seq"/>) whose
/// data carries the file's SHA-256 digest. The bytes live in content-addressed storage and never change.
/// </summary>
public sealed class CaseAttachmentRecord
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    /// <summary>The sequence number of the AttachmentAdded event that recorded the file.</summary>
    public int Seq { get; init; }

    /// <summary>The step the document belongs to, when the uploader named one.</summary>
    public int? AttachedToSeq { get; init; }

    public DocumentType DocumentType { get; init; }

    public required string FileName { get; init; }

    public long Size { get; init; }

    public required string Sha256 { get; init; }

    public required string ContentType { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A file as received: its bytes (a readable stream), its length and the name the client gave it.</summary>
public sealed record NewAttachment(Stream Content, long Length, string? FileName, string? DocumentType, string? EventSeq, string? Note);

/// <summary>
/// Content-addressed storage of attachment bytes under the data directory: <c>files/sha256/ab/cd/&lt;sha256&gt;</c>.
/// A file is written to a temporary file and moved into place; when the target exists its digest is verified instead
/// of rewriting it, so stored bytes never change.
/// </summary>
public static class AttachmentStore
{
    public const long MaxSize = 20L * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The media type judged by the file's first bytes (never by its name or the declared type), or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith(Pdf) ? "application/pdf"
        : head.StartsWith(Png) ? "image/png"
        : head.StartsWith(Jpeg) ? "image/jpeg"
        : null;

    public static string PathOf(string dataDirectory, string sha256) =>
        Path.Combine(dataDirectory, "files", "sha256", sha256[..2], sha256[2..4], sha256);

    /// <summary>Copies <paramref name="content"/> to a temporary file while hashing it and checking its kind and size.
    /// Returns the temporary path, the digest, the size and the media type; throws 400 naming <c>file</c>.</summary>
    public static async Task<(string TempPath, string Sha256, long Size, string ContentType)> ReceiveAsync(string dataDirectory,
        Stream content, CancellationToken ct)
    {
        var tmpDir = Path.Combine(dataDirectory, "files", "tmp");
        Directory.CreateDirectory(tmpDir);
        var tmp = Path.Combine(tmpDir, Guid.NewGuid().ToString("N"));
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[8];
            var headLength = 0;
            long size = 0;
            var buffer = new byte[81920];
            await using (var output = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxSize)
                    {
                        throw new InvalidInputException("file", "文件超过 20 MiB");
                    }

                    if (headLength < head.Length)
                    {
                        var n = Math.Min(head.Length - headLength, read);
                        Array.Copy(buffer, 0, head, headLength, n);
                        headLength += n;
                    }

                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            if (size == 0)
            {
                throw new InvalidInputException("file", "文件为空");
            }

            var type = Sniff(head.AsSpan(0, headLength)) ?? throw new InvalidInputException("file", "文件内容不是 PDF、JPEG 或 PNG");
            return (tmp, Convert.ToHexStringLower(sha.GetHashAndReset()), size, type);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
    }

    /// <summary>Moves the received temporary file to its content address, or, when a file is already stored there,
    /// verifies that file's digest and discards the temporary copy.</summary>
    public static async Task StoreAsync(string dataDirectory, string tempPath, string sha256, CancellationToken ct)
    {
        var target = PathOf(dataDirectory, sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            try
            {
                File.Move(tempPath, target, overwrite: false);
                return;
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another upload of the same bytes stored it first: verify that copy below.
            }
        }

        File.Delete(tempPath);
        if (await DigestAsync(target, ct) != sha256)
        {
            throw new InvalidOperationException($"已存储的文件 {target} 与其摘要不符：存储已被改动，请从备份恢复");
        }
    }

    public static async Task<string> DigestAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}

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

/// <summary>The attachments of a case in scope, in the order they were recorded.</summary>
public sealed class ListAttachments(JishiDbContext db)
{
    public async Task<IReadOnlyList<CaseAttachmentRecord>> Handle(string caseId, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("个案", caseId);
        return await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.Seq).ToListAsync(ct);
    }
}

/// <summary>One attachment of a case in scope and the path of its stored bytes.</summary>
public sealed class GetAttachment(JishiDbContext db, DatabaseSettings settings)
{
    public async Task<(CaseAttachmentRecord Attachment, string Path)> Handle(string caseId, string attachmentId, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("个案", caseId);
        var a = await db.CaseAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == c.Id && x.Id == attachmentId, ct)
            ?? throw new NotFoundException("附件", attachmentId);
        return (a, AttachmentStore.PathOf(settings.DataDirectory, a.Sha256));
    }
}
