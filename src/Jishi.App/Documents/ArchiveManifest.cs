using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Jishi.App.Cases;
using Jishi.Domain.Development;

namespace Jishi.App.Documents;

/// <summary>
/// <c>manifest.json</c> of an exported archive (API.md <c>archive.zip</c>): the case, every event exactly as stored
/// (the hashed strings, so the chain can be recomputed offline), and every file of the zip with its SHA-256 digest.
/// </summary>
public sealed record ArchiveManifest(
    string Format,
    DateTimeOffset ExportedAt,
    string ExportedBy,
    ManifestCase Case,
    IReadOnlyList<ManifestEvent> Events,
    IReadOnlyList<ManifestFile> Attachments,
    IReadOnlyList<ManifestFile> Documents)
{
    public const string FormatV1 = "jishi-archive/1";

    public const string FileName = "manifest.json";

    public static readonly JsonSerializerOptions Json = new(CaseJson.Options) { WriteIndented = true };
}

public sealed record ManifestCase(
    string Id, string PersonId, string PersonName, string OrgId, string OrgName, DevelopmentStage Stage, CaseStatus Status,
    int EventCount, string HeadHash, string VerificationCode);

/// <summary>An event as stored: <see cref="RecordedAtMs"/>, <see cref="Data"/>, <see cref="Overrides"/> and
/// <see cref="Exceptions"/> are the exact values the hash was computed over.</summary>
public sealed record ManifestEvent(
    int Seq, CaseEventType Type, DateOnly Date, DateTimeOffset RecordedAt, long RecordedAtMs, string RecordedBy, string RecordedByName,
    RulesVersion RulesVersion, string Data, string Overrides, string Exceptions, string PrevHash, string Hash)
{
    public static ManifestEvent From(CaseEventRecord r) => new(r.Seq, r.Type, r.Date, ChinaTime.ToChina(r.RecordedAt),
        r.RecordedAt.ToUnixTimeMilliseconds(), r.RecordedBy, r.RecordedByName, r.RulesVersion, r.DataJson, r.OverridesJson,
        r.ExceptionsJson, r.PrevHash, r.Hash);

    public string Recompute(string caseId) => CaseJson.Hash(PrevHash, caseId, Seq, Type, Date,
        DateTimeOffset.FromUnixTimeMilliseconds(RecordedAtMs), RecordedBy, RulesVersion, Data, Overrides, Exceptions);
}

/// <summary>A file of the archive: its path in the zip, digest and size; for attachments the stored metadata.</summary>
public sealed record ManifestFile(
    string Path, string Sha256, long Size, string? Title = null, DocumentType? DocumentType = null, string? AttachmentId = null,
    int? Seq = null, string? FileName = null, string? ContentType = null);

/// <summary>The outcome of verifying an archive: valid, or the first thing that does not match.</summary>
public sealed record ArchiveVerification(bool Valid, string? FirstMismatch, ManifestCase? Case, int Events, int Files)
{
    public static ArchiveVerification Fail(string mismatch, ManifestCase? c = null, int events = 0, int files = 0) =>
        new(false, mismatch, c, events, files);
}

/// <summary>
/// Verifies an exported archive offline, from the zip alone: the manifest, the hash chain recomputed event by event,
/// the chain head, each attachment's digest against both the manifest and the AttachmentAdded step that recorded it,
/// each document's digest, and that the zip holds nothing the manifest does not list. Names the first mismatch.
/// </summary>
public static class ArchiveVerifier
{
    public static ArchiveVerification Verify(Stream zip)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            return ArchiveVerification.Fail($"不是有效的 zip 文件：{e.Message}");
        }

        using (archive)
        {
            try
            {
                return Verify(archive);
            }
            catch (InvalidDataException e)
            {
                return ArchiveVerification.Fail($"zip 文件已损坏：{e.Message}");
            }
        }
    }

    private static ArchiveVerification Verify(ZipArchive archive)
    {
        var entry = archive.GetEntry(ArchiveManifest.FileName);
        if (entry is null)
        {
            return ArchiveVerification.Fail($"缺少 {ArchiveManifest.FileName}");
        }

        ArchiveManifest? m;
        try
        {
            using var s = entry.Open();
            m = JsonSerializer.Deserialize<ArchiveManifest>(s, ArchiveManifest.Json);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return ArchiveVerification.Fail($"{ArchiveManifest.FileName} 无法读取：{e.Message}");
        }

        if (m is null || m.Format != ArchiveManifest.FormatV1 || m.Case is null || m.Events is null || m.Attachments is null || m.Documents is null)
        {
            return ArchiveVerification.Fail($"{ArchiveManifest.FileName} 不是 {ArchiveManifest.FormatV1} 格式");
        }

        var prev = CaseJson.GenesisHash;
        for (var i = 0; i < m.Events.Count; i++)
        {
            var e = m.Events[i];
            if (e.Seq != i + 1)
            {
                return ArchiveVerification.Fail($"纪实记录第 {i + 1} 条的序号为 #{e.Seq}：记录缺失或顺序被改动", m.Case, i);
            }

            if (e.PrevHash != prev)
            {
                return ArchiveVerification.Fail($"纪实记录 #{e.Seq}（{e.Type}）的上一条哈希与第 #{e.Seq - 1} 条不符：记录链断开", m.Case, i);
            }

            if (e.Recompute(m.Case.Id) != e.Hash)
            {
                return ArchiveVerification.Fail($"纪实记录 #{e.Seq}（{e.Type}，{e.Date:yyyy-MM-dd}）的哈希不符：该条记录内容被改动", m.Case, i);
            }

            prev = e.Hash;
        }

        if (prev != m.Case.HeadHash || m.Events.Count != m.Case.EventCount)
        {
            return ArchiveVerification.Fail($"链头哈希不符：清单记载 {m.Case.HeadHash}（{m.Case.EventCount} 条），按记录重算为 {prev}（{m.Events.Count} 条）",
                m.Case, m.Events.Count);
        }

        if (CaseDossier.VerificationCode(prev) != m.Case.VerificationCode)
        {
            return ArchiveVerification.Fail($"核验码不符：清单记载 {m.Case.VerificationCode}，按链头哈希应为 {CaseDossier.VerificationCode(prev)}",
                m.Case, m.Events.Count);
        }

        // Each attachment's digest must equal the one its AttachmentAdded step put into the chain.
        var recorded = m.Events.Where(e => e.Type == CaseEventType.AttachmentAdded)
            .Select(e => JsonSerializer.Deserialize<EventData>(e.Data, CaseJson.Options)!)
            .Where(d => d.AttachmentId is not null)
            .ToDictionary(d => d.AttachmentId!, d => d.Sha256);
        foreach (var a in m.Attachments)
        {
            if (a.AttachmentId is null || !recorded.TryGetValue(a.AttachmentId, out var chained))
            {
                return ArchiveVerification.Fail($"附件 {a.Path} 没有对应的“上传材料”纪实记录", m.Case, m.Events.Count);
            }

            if (!string.Equals(chained, a.Sha256, StringComparison.Ordinal))
            {
                return ArchiveVerification.Fail($"附件 {a.Path} 在清单中的摘要 {a.Sha256} 与纪实记录中的摘要 {chained} 不符", m.Case, m.Events.Count);
            }
        }

        foreach (var id in recorded.Keys.Where(id => m.Attachments.All(a => a.AttachmentId != id)))
        {
            return ArchiveVerification.Fail($"纪实记录中的附件 {id} 不在档案中", m.Case, m.Events.Count);
        }

        var listed = new HashSet<string>(StringComparer.Ordinal) { ArchiveManifest.FileName };
        var files = 0;
        foreach (var f in m.Attachments.Concat(m.Documents))
        {
            listed.Add(f.Path);
            var file = archive.GetEntry(f.Path);
            if (file is null)
            {
                return ArchiveVerification.Fail($"缺少文件 {f.Path}", m.Case, m.Events.Count, files);
            }

            string digest;
            long size = 0;
            try
            {
                using var s = file.Open();
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = s.Read(buffer)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    size += read;
                }

                digest = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            catch (InvalidDataException e)
            {
                return ArchiveVerification.Fail($"文件 {f.Path} 已损坏：{e.Message}", m.Case, m.Events.Count, files);
            }

            if (digest != f.Sha256 || size != f.Size)
            {
                return ArchiveVerification.Fail($"文件 {f.Path} 的 SHA-256 为 {digest}（{size} 字节），清单记载 {f.Sha256}（{f.Size} 字节）：文件被改动",
                    m.Case, m.Events.Count, files);
            }

            files++;
        }

        foreach (var extra in archive.Entries.Where(e => !listed.Contains(e.FullName) && !e.FullName.EndsWith('/')))
        {
            return ArchiveVerification.Fail($"文件 {extra.FullName} 未列入清单", m.Case, m.Events.Count, files);
        }

        return new ArchiveVerification(true, null, m.Case, m.Events.Count, files);
    }
}
