using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Jishi.App.Documents;
using Jishi.Web.Tests.Cases;

namespace Jishi.Web.Tests.Documents;

public sealed class ArchiveTests_Sqlite(JishiFactory factory) : ArchiveTests(factory), IClassFixture<JishiFactory>;

public sealed class ArchiveTests_Postgres(PostgresJishiFactory fixture) : ArchiveTests(fixture.Factory), IClassFixture<PostgresJishiFactory>
{
    [Fact]
    public void TheApplicationRunsOnPostgres() => Assert.True(Factory.UsesPostgres);
}

/// <summary>
/// The electronic archive (API.md; R-36-archive, 第三十六条): completeness from the attached scans, the export as a zip
/// with manifest.json, and its offline verification by <c>jishi archive verify</c>, which names the first alteration.
/// </summary>
public abstract class ArchiveTests(JishiFactory factory)
{
    protected JishiFactory Factory { get; } = factory;

    private readonly ApiClient admin = factory.Admin();

    /// <summary>An activist's case with two scans attached: the application letter (PDF) and a talk record (PNG).</summary>
    private async Task<CaseScenario> ActivistWithScansAsync()
    {
        var s = await CaseScenario.CreateAsync(admin);
        await s.OpenAsync();
        await s.ToActivistAsync();
        Assert.Equal(201, (await AttachmentTests.UploadAsync(admin, s.CaseId, AttachmentTests.PdfBytes, "入党申请书.pdf", "application/pdf", "ApplicationLetter", "1")).Status);
        Assert.Equal(201, (await AttachmentTests.UploadAsync(admin, s.CaseId, AttachmentTests.PngBytes, "谈话记录.png", "image/png", "TalkRecord", "2")).Status);
        return s;
    }

    [Fact]
    public async Task Completeness_ListsWhatTheRulesInForceRequire_PresentOnlyWhenAScanOfThatTypeIsAttached()
    {
        var s = await ActivistWithScansAsync();
        var archive = await admin.GetOkAsync($"/api/v1/cases/{s.CaseId}/archive");

        Assert.False(archive.GetProperty("complete").GetBoolean());
        Assert.Equal("Rules2026", archive.Str("rulesVersion"));
        // 2026 rules (RULES.md §1 D17): six materials, both 登记表 included; the application letter is attached.
        Assert.Equal(["AdmissionForm", "ActivistRecordForm", "PoliticalReviewFile", "ProbationRecordForm", "FullMembershipRequest"],
            archive.GetProperty("missing").EnumerateArray().Select(x => x.GetString()!));
        var items = archive.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(7, items.Count);
        var letter = items.Single(i => i.Str("documentType") == "ApplicationLetter");
        Assert.True(letter.GetProperty("required").GetBoolean());
        Assert.True(letter.GetProperty("present").GetBoolean());
        Assert.Equal("入党申请书.pdf", Assert.Single(letter.GetProperty("attachments").EnumerateArray()).Str("fileName"));
        var talk = items.Single(i => i.Str("documentType") == "TalkRecord");
        Assert.False(talk.GetProperty("required").GetBoolean());

        foreach (var (type, file) in new[] { ("AdmissionForm", "志愿书.pdf"), ("ActivistRecordForm", "登记表.pdf"), ("PoliticalReviewFile", "政审.pdf"),
                     ("ProbationRecordForm", "预备党员登记表.pdf"), ("FullMembershipRequest", "转正申请书.pdf") })
        {
            Assert.Equal(201, (await AttachmentTests.UploadAsync(admin, s.CaseId, AttachmentTests.PdfBytes, file, "application/pdf", type)).Status);
        }

        var complete = await admin.GetOkAsync($"/api/v1/cases/{s.CaseId}/archive");
        Assert.True(complete.GetProperty("complete").GetBoolean());
        Assert.Empty(complete.GetProperty("missing").EnumerateArray());
        Assert.Equal(404, (await admin.GetAsync("/api/v1/cases/nonexistent/archive")).Status);
    }

    [Fact]
    public async Task Export_VerifiesOfflineWithTheCli_AndEveryAlterationIsNamed()
    {
        var s = await ActivistWithScansAsync();
        var zip = await Pdf.GetAsync(admin, $"/api/v1/cases/{s.CaseId}/archive.zip", "application/zip");
        var head = (await s.IntegrityAsync()).Str("headHash");

        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            var names = archive.Entries.Select(e => e.FullName).Order().ToList();
            Assert.Equal(["attachments/005-ApplicationLetter.pdf", "attachments/006-TalkRecord.png", "forms/ActivistRecordForm.pdf", "manifest.json", "manifest.json.sha256", "record.pdf"], names);
            using var manifest = JsonDocument.Parse(archive.GetEntry("manifest.json")!.Open());
            var c = manifest.RootElement.GetProperty("case");
            Assert.Equal(s.CaseId, c.Str("id"));
            Assert.Equal(head, c.Str("headHash"));
            Assert.Equal(6, manifest.RootElement.GetProperty("events").GetArrayLength());
            Assert.Equal(2, manifest.RootElement.GetProperty("attachments").GetArrayLength());
            using var stored = new MemoryStream();
            archive.GetEntry("attachments/006-TalkRecord.png")!.Open().CopyTo(stored);
            Assert.Equal(AttachmentTests.PngBytes, stored.ToArray());
        }

        // The CLI alone, on a file: valid, with the chain head to compare with the system or the printed report.
        var (code, output) = await VerifyWithCliAsync(zip);
        Assert.True(code == 0, output);
        Assert.Contains("核验通过：6 条纪实记录的哈希链完整，4 个文件的 SHA-256 与清单一致", output);
        Assert.Contains(head, output);

        // One byte changed in an attachment's bytes.
        var png = Tamper(zip, AttachmentTests.PngBytes.AsSpan(16, 8).ToArray(), b => b[3] ^= 0x01);
        var (pngCode, pngOutput) = await VerifyWithCliAsync(png);
        Assert.Equal(4, pngCode);
        Assert.Contains("attachments/006-TalkRecord.png", pngOutput);

        // One byte changed in the manifest (the activist date 2024-04-01 → 2024-04-02, seq 4): the manifest's digest.
        var date = Tamper(zip, Encoding.UTF8.GetBytes("\"date\": \"2024-04-01\""), b => b[^2] = (byte)'2');
        var (dateCode, dateOutput) = await VerifyWithCliAsync(date);
        Assert.Equal(4, dateCode);
        Assert.Contains("manifest.json 的 SHA-256 与 manifest.json.sha256 不符", dateOutput);

        // The same change with the manifest's digest recomputed: the hash chain names the altered step.
        var rehashed = Rewrite(date, (source, target) =>
        {
            Copy(source, target, skip: "manifest.json.sha256");
            using var m = new MemoryStream();
            source.GetEntry("manifest.json")!.Open().CopyTo(m);
            using var w = new StreamWriter(target.CreateEntry("manifest.json.sha256").Open());
            w.Write(ArchiveManifest.DigestLine(m.ToArray()));
        });
        var (chainCode, chainOutput) = await VerifyWithCliAsync(rehashed);
        Assert.Equal(4, chainCode);
        Assert.Contains("纪实记录 #4（ActivistDesignated，2024-04-02）的哈希不符", chainOutput);

        // One byte changed in the printed report.
        var record = Tamper(zip, Encoding.ASCII.GetBytes("/Type /Page"), b => b[1] = (byte)'t');
        var recordResult = ArchiveVerifier.Verify(new MemoryStream(record));
        Assert.False(recordResult.Valid);
        Assert.Contains("record.pdf", recordResult.FirstMismatch);

        // A digest rewritten in the manifest (and the manifest's own digest updated) to match a replaced file still
        // differs from the digest in the hash chain.
        var withDigest = ReplaceAttachment(zip);
        var replaced = ArchiveVerifier.Verify(new MemoryStream(withDigest));
        Assert.False(replaced.Valid);
        Assert.Contains("与纪实记录中的摘要", replaced.FirstMismatch);

        // Any single byte of the file contents flipped (every 97th byte of the zip): never verifies as valid, unless the
        // byte lies in the zip's own bookkeeping (timestamps, attributes) that carries no content.
        var checkedBytes = 0;
        for (var i = 0; i < zip.Length; i += 97)
        {
            var copy = (byte[])zip.Clone();
            copy[i] ^= 0x20;
            var result = ArchiveVerifier.Verify(new MemoryStream(copy));
            if (result.Valid)
            {
                Assert.True(IsZipBookkeeping(zip, i), $"byte {i} changed and the archive still verified");
            }
            else
            {
                checkedBytes++;
            }
        }

        Assert.True(checkedBytes > zip.Length / 97 * 9 / 10, $"only {checkedBytes} of {zip.Length / 97} changed bytes were detected");
    }

    [Fact]
    public async Task Verify_NamesAMissingFile_AnExtraFile_AndSomethingThatIsNotAnArchive()
    {
        var s = await ActivistWithScansAsync();
        var zip = await Pdf.GetAsync(admin, $"/api/v1/cases/{s.CaseId}/archive.zip", "application/zip");

        var missing = Rewrite(zip, (source, target) => Copy(source, target, skip: "attachments/005-ApplicationLetter.pdf"));
        Assert.Contains("缺少文件 attachments/005-ApplicationLetter.pdf", ArchiveVerifier.Verify(new MemoryStream(missing)).FirstMismatch);

        var extra = Rewrite(zip, (source, target) =>
        {
            Copy(source, target);
            using var w = new StreamWriter(target.CreateEntry("attachments/extra.txt").Open());
            w.Write("added later");
        });
        Assert.Contains("attachments/extra.txt 未列入清单", ArchiveVerifier.Verify(new MemoryStream(extra)).FirstMismatch);

        Assert.Contains("不是有效的 zip 文件", ArchiveVerifier.Verify(new MemoryStream(AttachmentTests.PdfBytes)).FirstMismatch);
        var (code, output) = await VerifyWithCliAsync(AttachmentTests.PdfBytes);
        Assert.Equal(4, code);
        Assert.Contains("核验未通过", output);
    }

    private static async Task<(int Code, string Output)> VerifyWithCliAsync(byte[] zip)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jishi-archive-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(path, zip);
        try
        {
            using var output = new StringWriter();
            var code = await Cli.Program.Run(["archive", "verify", path], output);
            return (code, output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A copy of <paramref name="zip"/> with the first (or last) occurrence of <paramref name="find"/> changed in place.</summary>
    private static byte[] Tamper(byte[] zip, byte[] find, Action<byte[]> change, bool last = false)
    {
        var at = last ? zip.AsSpan().LastIndexOf(find) : zip.AsSpan().IndexOf(find);
        Assert.True(at >= 0, "the bytes to change are not in the archive");
        var bytes = find.ToArray();
        change(bytes);
        var copy = (byte[])zip.Clone();
        bytes.CopyTo(copy, at);
        return copy;
    }

    /// <summary>Replaces the PDF attachment by other bytes and writes their digest into the manifest.</summary>
    private static byte[] ReplaceAttachment(byte[] zip) => Rewrite(zip, (source, target) =>
    {
        var fake = Encoding.ASCII.GetBytes("%PDF-1.4\n% a different letter\n%%EOF\n");
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(fake));
        string manifest;
        using (var r = new StreamReader(source.GetEntry("manifest.json")!.Open()))
        {
            manifest = r.ReadToEnd();
        }

        using var doc = JsonDocument.Parse(manifest);
        var old = doc.RootElement.GetProperty("attachments")[0];
        manifest = manifest.Replace($"\"sha256\": \"{old.Str("sha256")}\",\n      \"size\": {old.GetProperty("size").GetInt64()}",
            $"\"sha256\": \"{digest}\",\n      \"size\": {fake.Length}", StringComparison.Ordinal);
        Copy(source, target, skip: "manifest.json", skip2: old.Str("path"), skip3: "manifest.json.sha256");
        var bytes = Encoding.UTF8.GetBytes(manifest);
        using (var w = target.CreateEntry("manifest.json").Open())
        {
            w.Write(bytes);
        }

        using (var w = new StreamWriter(target.CreateEntry("manifest.json.sha256").Open()))
        {
            w.Write(ArchiveManifest.DigestLine(bytes));
        }

        using var s = target.CreateEntry(old.Str("path")).Open();
        s.Write(fake);
    });

    private static byte[] Rewrite(byte[] zip, Action<ZipArchive, ZipArchive> rewrite)
    {
        using var source = new ZipArchive(new MemoryStream(zip));
        var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            rewrite(source, target);
        }

        return output.ToArray();
    }

    private static void Copy(ZipArchive source, ZipArchive target, string? skip = null, string? skip2 = null, string? skip3 = null)
    {
        foreach (var e in source.Entries.Where(e => e.FullName != skip && e.FullName != skip2 && e.FullName != skip3))
        {
            using var from = e.Open();
            using var to = target.CreateEntry(e.FullName).Open();
            from.CopyTo(to);
        }
    }

    /// <summary>Whether offset <paramref name="at"/> is in a central directory field that only the directory has and no
    /// reader uses for the contents (version made by, disk number, attributes).</summary>
    private static bool IsZipBookkeeping(byte[] zip, int at)
    {
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            if (BitConverter.ToUInt32(zip, i) == 0x02014b50 && ((at >= i + 4 && at < i + 6) || (at >= i + 34 && at < i + 42)))
            {
                return true;
            }
        }

        return false;
    }
}
