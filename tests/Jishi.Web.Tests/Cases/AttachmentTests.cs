using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Jishi.Web.Tests.Cases;

public sealed class AttachmentTests_Sqlite(JishiFactory factory) : AttachmentTests(factory), IClassFixture<JishiFactory>;

public sealed class AttachmentTests_Postgres(PostgresJishiFactory fixture) : AttachmentTests(fixture.Factory), IClassFixture<PostgresJishiFactory>
{
    [Fact]
    public void TheApplicationRunsOnPostgres() => Assert.True(Factory.UsesPostgres);
}

/// <summary>
/// Case attachments (API.md "Documents and the electronic archive"): PDF, JPEG and PNG judged by their first bytes, at
/// most 20 MiB, stored by their SHA-256 digest, which is recorded in the case's hash chain as an AttachmentAdded step.
/// </summary>
public abstract class AttachmentTests(JishiFactory factory)
{
    protected JishiFactory Factory { get; } = factory;

    private readonly ApiClient admin = factory.Admin();

    public static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static readonly byte[] PngBytes =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
    ];

    public static readonly byte[] JpegBytes = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0xFF, 0xD9];

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Posts a multipart upload and returns the reply.</summary>
    public static async Task<Reply> UploadAsync(ApiClient api, string caseId, byte[] bytes, string fileName, string contentType,
        string? documentType = "ApplicationLetter", string? eventSeq = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (documentType is not null)
        {
            form.Add(new StringContent(documentType), "documentType");
        }

        if (eventSeq is not null)
        {
            form.Add(new StringContent(eventSeq), "eventSeq");
        }

        var response = await api.Http.PostAsync($"/api/v1/cases/{caseId}/attachments", form);
        var body = await response.Content.ReadAsStringAsync();
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response);
    }

    private async Task<CaseScenario> OpenedAsync()
    {
        var s = await CaseScenario.CreateAsync(admin);
        await s.OpenAsync();
        return s;
    }

    [Theory]
    [InlineData("pdf", "application/pdf")]
    [InlineData("png", "image/png")]
    [InlineData("jpeg", "image/jpeg")]
    public async Task Upload_StoresTheFile_RecordsItsDigestInTheChain_AndDownloadsTheSameBytes(string kind, string expectedType)
    {
        var bytes = kind switch { "pdf" => PdfBytes, "png" => PngBytes, _ => JpegBytes };
        var s = await OpenedAsync();

        // The declared content type is ignored: the file's first bytes decide.
        var reply = await UploadAsync(admin, s.CaseId, bytes, $"入党申请书.{kind}", "application/octet-stream", eventSeq: "1");
        Assert.True(reply.Status == 201, reply.ToString());
        var json = reply.Json;
        Assert.Equal(Sha256(bytes), json.Str("sha256"));
        Assert.Equal(bytes.Length, json.GetProperty("size").GetInt64());
        Assert.Equal("ApplicationLetter", json.Str("documentType"));
        Assert.Equal($"入党申请书.{kind}", json.Str("fileName"));
        var id = json.Str("id");

        var view = await s.GetAsync();
        var added = view.LastEvent();
        Assert.Equal("AttachmentAdded", added.Str("type"));
        Assert.Equal("2026-11-22", added.Str("date"));
        var data = added.GetProperty("data");
        Assert.Equal(Sha256(bytes), data.Str("sha256"));
        Assert.Equal(id, data.Str("attachmentId"));
        Assert.Equal(1, data.GetProperty("attachedToSeq").GetInt32());
        Assert.Equal("ApplicationLetter", data.Str("documentType"));
        Assert.Equal("Applicant", view.Str("stage"));
        Assert.True((await s.IntegrityAsync()).GetProperty("valid").GetBoolean());

        var list = await admin.GetOkAsync($"/api/v1/cases/{s.CaseId}/attachments");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.Str("id"));
        Assert.Equal(expectedType, item.Str("contentType"));

        var download = await admin.Http.GetAsync($"/api/v1/cases/{s.CaseId}/attachments/{id}");
        Assert.Equal(200, (int)download.StatusCode);
        Assert.Equal(expectedType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnExecutableNamedPdf_Is400NamingFile_AndNothingIsRecorded()
    {
        var s = await OpenedAsync();
        var before = (await s.GetAsync()).Events().Length;
        byte[] exe = [.. "MZ"u8.ToArray(), 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

        var reply = await UploadAsync(admin, s.CaseId, exe, "x.pdf", "application/pdf");

        var problem = Problem.AssertInvalid(reply, "file");
        Assert.Contains("不是 PDF、JPEG 或 PNG", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await s.GetAsync()).Events().Length);
        Assert.Empty((await admin.GetOkAsync($"/api/v1/cases/{s.CaseId}/attachments")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AFileOver20MiB_Is400()
    {
        var s = await OpenedAsync();
        var big = new byte[(20 * 1024 * 1024) + 1];
        PdfBytes.CopyTo(big, 0);

        Problem.AssertInvalid(await UploadAsync(admin, s.CaseId, big, "big.pdf", "application/pdf"), "file");
        Assert.Single((await s.GetAsync()).Events());
    }

    [Fact]
    public async Task AnUnknownEventSeq_OrDocumentType_Is400()
    {
        var s = await OpenedAsync();

        Problem.AssertInvalid(await UploadAsync(admin, s.CaseId, PdfBytes, "a.pdf", "application/pdf", eventSeq: "7"), "eventSeq");
        Problem.AssertInvalid(await UploadAsync(admin, s.CaseId, PdfBytes, "a.pdf", "application/pdf", eventSeq: "x"), "eventSeq");
        Problem.AssertInvalid(await UploadAsync(admin, s.CaseId, PdfBytes, "a.pdf", "application/pdf", documentType: "Nonsense"), "documentType");
        Problem.AssertInvalid(await UploadAsync(admin, s.CaseId, PdfBytes, "a.pdf", "application/pdf", documentType: null), "documentType");
        Assert.Single((await s.GetAsync()).Events());
    }

    [Fact]
    public async Task TheEventsEndpoint_DoesNotRecordAttachmentAdded()
    {
        var s = await OpenedAsync();

        Problem.AssertInvalid(await admin.PostAsync($"/api/v1/cases/{s.CaseId}/events", new
        {
            type = "AttachmentAdded",
            date = "2026-11-22",
            attachmentId = "x",
            documentType = "ApplicationLetter",
            fileName = "a.pdf",
            sha256 = new string('a', 64),
            size = 10,
        }), "type");
    }

    [Fact]
    public async Task TheSameBytesTwice_AreStoredOnce_ButRecordedTwice()
    {
        var s = await OpenedAsync();
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.4\n% unique " + Guid.NewGuid() + "\n%%EOF\n");
        var digest = Sha256(bytes);

        var first = await UploadAsync(admin, s.CaseId, bytes, "a.pdf", "application/pdf");
        var second = await UploadAsync(admin, s.CaseId, bytes, "b.pdf", "application/pdf", documentType: "TalkRecord");
        Assert.Equal(201, first.Status);
        Assert.Equal(201, second.Status);
        Assert.NotEqual(first.Id, second.Id);

        var stored = Path.Combine(Factory.DataDirectory, "files", "sha256", digest[..2], digest[2..4], digest);
        Assert.True(File.Exists(stored));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored));
        Assert.Single(Directory.GetFiles(Path.Combine(Factory.DataDirectory, "files", "sha256"), digest, SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(Factory.DataDirectory, "files", "tmp")));

        var events = (await s.GetAsync()).Events().Where(e => e.Str("type") == "AttachmentAdded").ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(digest, e.GetProperty("data").Str("sha256")));
        Assert.Equal(2, (await admin.GetOkAsync($"/api/v1/cases/{s.CaseId}/attachments")).GetProperty("items").GetArrayLength());
        Assert.True((await s.IntegrityAsync()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task AViewer_Is403_AndAnotherScope_Is404()
    {
        var s = await OpenedAsync();
        var other = await admin.PostAsync("/api/v1/orgs", new { name = "某某公司第四党支部", type = "Branch", parentId = s.Primary, hasCommittee = true });
        var viewer = await Factory.UserAsync("Viewer", s.Branch);
        var stranger = await Factory.UserAsync("Manager", other.Id);

        Problem.Assert(await UploadAsync(viewer, s.CaseId, PdfBytes, "a.pdf", "application/pdf"), 403);
        Problem.Assert(await UploadAsync(stranger, s.CaseId, PdfBytes, "a.pdf", "application/pdf"), 404);
        Assert.Single((await s.GetAsync()).Events());

        var uploaded = await UploadAsync(admin, s.CaseId, PdfBytes, "a.pdf", "application/pdf");
        Assert.Equal(201, uploaded.Status);
        Assert.Single((await viewer.GetOkAsync($"/api/v1/cases/{s.CaseId}/attachments")).GetProperty("items").EnumerateArray());
        Problem.Assert(await stranger.GetAsync($"/api/v1/cases/{s.CaseId}/attachments"), 404);
        Problem.Assert(await stranger.GetAsync($"/api/v1/cases/{s.CaseId}/attachments/{uploaded.Id}"), 404);
        Problem.Assert(await admin.GetAsync($"/api/v1/cases/{s.CaseId}/attachments/nosuchattachment0000"), 404);
    }
}
