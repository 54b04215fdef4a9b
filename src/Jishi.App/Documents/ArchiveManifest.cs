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

    /// <summary>The manifest's own SHA-256 in <c>sha256sum</c> format, so that any change to it is detected too.</summary>
    public const string DigestFileName = "manifest.json.sha256";

    public static string DigestLine(byte[] manifest) => Convert.ToHexStringLower(SHA256.HashData(manifest)) + "  " + FileName + "\n";

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
        using var copy = new MemoryStream();
        zip.CopyTo(copy);
        var bytes = copy.ToArray();
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            return ArchiveVerification.Fail($"不是有效的 zip 文件：{e.Message}");
        }

        using (archive)
        {
            try
            {
                var result = Verify(archive);
                return result.Valid && ZipContainer.FirstInconsistency(bytes) is { } problem
                    ? ArchiveVerification.Fail("zip 文件结构被改动：" + problem, result.Case, result.Events, result.Files)
                    : result;
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

        var digestEntry = archive.GetEntry(ArchiveManifest.DigestFileName);
        if (digestEntry is null)
        {
            return ArchiveVerification.Fail($"缺少 {ArchiveManifest.DigestFileName}");
        }

        ArchiveManifest? m;
        try
        {
            byte[] bytes;
            using (var s = entry.Open())
            using (var copy = new MemoryStream())
            {
                s.CopyTo(copy);
                bytes = copy.ToArray();
            }

            string recordedDigest;
            using (var r = new StreamReader(digestEntry.Open()))
            {
                recordedDigest = r.ReadToEnd();
            }

            if (recordedDigest != ArchiveManifest.DigestLine(bytes))
            {
                return ArchiveVerification.Fail($"{ArchiveManifest.FileName} 的 SHA-256 与 {ArchiveManifest.DigestFileName} 不符：清单被改动");
            }

            m = JsonSerializer.Deserialize<ArchiveManifest>(bytes, ArchiveManifest.Json);
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

        var listed = new HashSet<string>(StringComparer.Ordinal) { ArchiveManifest.FileName, ArchiveManifest.DigestFileName };
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

/// <summary>
/// The zip container itself: each entry's local header must repeat what the central directory says (name, method,
/// flags, time, CRC, sizes), the entries must follow each other with no unaccounted bytes, and nothing may follow the
/// directory. Readers use only the central directory, so without this a changed local header would go unnoticed.
/// </summary>
internal static class ZipContainer
{
    public static string? FirstInconsistency(byte[] zip)
    {
        var eocd = -1;
        for (var i = zip.Length - 22; i >= Math.Max(0, zip.Length - 22 - 65535); i--)
        {
            if (U32(zip, i) == 0x06054b50)
            {
                eocd = i;
                break;
            }
        }

        if (eocd < 0)
        {
            return "缺少 zip 目录结尾";
        }

        if (U16(zip, eocd + 20) != 0 || eocd + 22 != zip.Length)
        {
            return "zip 目录结尾之后有多余的内容";
        }

        int count = U16(zip, eocd + 10), size = (int)U32(zip, eocd + 12), start = (int)U32(zip, eocd + 16);
        if (start + size != eocd)
        {
            return "zip 目录的位置或大小不符";
        }

        var expectedLocal = 0;
        var p = start;
        for (var n = 0; n < count; n++)
        {
            if (p + 46 > eocd || U32(zip, p) != 0x02014b50)
            {
                return "zip 目录已损坏";
            }

            int nameLength = U16(zip, p + 28), extraLength = U16(zip, p + 30), commentLength = U16(zip, p + 32);
            var local = (int)U32(zip, p + 42);
            var name = System.Text.Encoding.UTF8.GetString(zip, p + 46, nameLength);
            if (commentLength != 0)
            {
                return $"zip 目录中 {name} 带有注释";
            }

            if (local != expectedLocal || local + 30 > zip.Length || U32(zip, local) != 0x04034b50)
            {
                return $"{name} 的本地文件头位置不符";
            }

            // version needed, flags, method, time, date, crc, compressed size, size (central +6..+27 = local +4..+25), name.
            if (!zip.AsSpan(p + 6, 22).SequenceEqual(zip.AsSpan(local + 4, 22)) || U16(zip, local + 26) != nameLength
                || !zip.AsSpan(p + 46, nameLength).SequenceEqual(zip.AsSpan(local + 30, nameLength)))
            {
                return $"{name} 的本地文件头与 zip 目录不一致";
            }

            if ((U16(zip, p + 8) & 0x0008) != 0)
            {
                return $"{name} 使用了数据描述符，无法核对";
            }

            expectedLocal = local + 30 + nameLength + U16(zip, local + 28) + (int)U32(zip, p + 20);
            p += 46 + nameLength + extraLength + commentLength;
        }

        return expectedLocal != start ? "zip 文件中有不属于任何文件的内容" : null;
    }

    private static ushort U16(byte[] b, int i) => System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(i));

    private static uint U32(byte[] b, int i) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i));
}
