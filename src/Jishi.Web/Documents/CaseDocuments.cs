using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Jishi.App;
using Jishi.App.Accounts;
using Jishi.App.Calendar;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Documents;
using Jishi.Domain.Development;
using Jishi.Domain.Rules;
using Jishi.Web.Components.Cases;
using Jishi.Web.Components.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Jishi.Web.Documents;

/// <summary>The printable forms of API.md "Documents and the electronic archive".</summary>
public enum CaseForm
{
    /// <summary>《入党积极分子培养考察登记表》.</summary>
    ActivistRecordForm,

    /// <summary>发展对象公示.</summary>
    PublicNotice,

    /// <summary>支部党员大会决议.</summary>
    BranchResolution,

    /// <summary>《预备党员教育考察登记表》.</summary>
    ProbationRecordForm,
}

/// <summary>What a form request may add: the notice's start date and feedback contact, the vote of a resolution.</summary>
public sealed record FormRequest(DateOnly? StartDate = null, string? Contact = null, int? Seq = null);

/// <summary>
/// The paperwork of a case, filled from its record and printed to PDF: the four forms, the 全程纪实 report, and the
/// electronic archive (zip with manifest, forms, report and attachments). A form the case has not reached yet is
/// refused with the rule that needs it (422), as every refusal is.
/// </summary>
public sealed class CaseDocuments(LoadCaseDossier load, HtmlRenderer renderer, PdfPrinter printer, OfficialCalendar calendar,
    DatabaseSettings settings, CallerScope caller, TimeProvider time)
{
    public static bool TryParseForm(string? name, out CaseForm form) =>
        Enum.TryParse(name, ignoreCase: false, out form) && Enum.IsDefined(form) && !int.TryParse(name, out _);

    public static string FileName(CaseForm form) => form switch
    {
        CaseForm.ActivistRecordForm => "入党积极分子培养考察登记表",
        CaseForm.ProbationRecordForm => "预备党员教育考察登记表",
        CaseForm.PublicNotice => "发展对象公示",
        CaseForm.BranchResolution => "支部党员大会决议",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>The forms a case has reached, in the order of the process (for the case page's links and the archive).</summary>
    public static IReadOnlyList<CaseForm> Reached(CaseState s) => Enum.GetValues<CaseForm>().Where(f => NotReached(s, f) is null).ToList();

    /// <summary>Why a form has nothing to be filled from yet: the rule whose step the case has not reached.</summary>
    private static Refusal? NotReached(CaseState s, CaseForm form) => form switch
    {
        CaseForm.ActivistRecordForm when s.ActivistDate is null => Refusal.Block(RuleIds.R11HalfYearlyAssessment, "第十一条",
            "尚未确定为入党积极分子，还没有《入党积极分子培养考察登记表》的内容"),
        CaseForm.PublicNotice when s.Last(CaseEventType.CandidateConsented) is null && s.Last(CaseEventType.PublicNoticeEnded) is null =>
            Refusal.Block(RuleIds.R13CandidatePublicNotice, "第十三条", "拟列为发展对象须经上级党委同意后公示：尚未记录上级党委同意"),
        CaseForm.BranchResolution when s.Last(CaseEventType.AdmissionVoteHeld) is null => Refusal.Block(RuleIds.R21ResolutionContent, "第二十一条",
            "尚未召开支部党员大会讨论接收，还没有决议"),
        CaseForm.ProbationRecordForm when s.ApprovalDate is null => Refusal.Block(RuleIds.R30ProbationEducation, "第三十条",
            "尚未批准为预备党员，还没有《预备党员教育考察登记表》的内容"),
        CaseForm.ActivistRecordForm or CaseForm.PublicNotice or CaseForm.BranchResolution or CaseForm.ProbationRecordForm => null,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    public async Task<byte[]> FormAsync(string caseId, CaseForm form, FormRequest request, CancellationToken ct = default)
    {
        var dossier = await load.Handle(caseId, ct);
        return await printer.PrintAsync(await FormHtmlAsync(dossier, form, request), ct);
    }

    public async Task<byte[]> RecordAsync(string caseId, CancellationToken ct = default)
    {
        var dossier = await load.Handle(caseId, ct);
        return await printer.PrintAsync(await RenderAsync<CaseRecordDoc>(new() { ["Dossier"] = dossier }), ct);
    }

    /// <summary>The HTML of a form, or the refusal naming the rule whose step the case has not reached.</summary>
    public async Task<string> FormHtmlAsync(CaseDossier d, CaseForm form, FormRequest request)
    {
        if (NotReached(d.State, form) is { } refusal)
        {
            throw new RuleViolationException([refusal]);
        }

        switch (form)
        {
            case CaseForm.ActivistRecordForm:
                return await RenderAsync<ActivistRecordFormDoc>(new() { ["Dossier"] = d });
            case CaseForm.ProbationRecordForm:
                return await RenderAsync<ProbationRecordFormDoc>(new() { ["Dossier"] = d });
            case CaseForm.PublicNotice:
                return await RenderAsync<PublicNoticeDoc>(new()
                {
                    ["Dossier"] = d,
                    ["Notices"] = NoticePeriods(d, request.StartDate),
                    ["Contact"] = request.Contact?.Trim(),
                });
            case CaseForm.BranchResolution:
                return await RenderAsync<BranchResolutionDoc>(new() { ["Dossier"] = d, ["Vote"] = ResolutionVote(d, request.Seq) });
            default:
                throw new ArgumentOutOfRangeException(nameof(form), form, null);
        }
    }

    /// <summary>The recorded notices; before any is recorded, the notice to post from <paramref name="start"/> (default:
    /// the first working day from today, not before the upper committee's consent) for five working days (G-03),
    /// at the outflow and the inflow place for a mobile person (R-13-mobile-dual-notice).</summary>
    private List<PublicNoticeDoc.Period> NoticePeriods(CaseDossier d, DateOnly? start)
    {
        var cal = calendar.Current;
        var recorded = d.Steps(CaseEventType.PublicNoticeEnded).ToList();
        if (recorded.Count > 0 && start is null)
        {
            return recorded.Select(e => new PublicNoticeDoc.Period(e.Data.StartDate ?? e.Date, e.Date,
                cal.CountWorkingDays(e.Data.StartDate ?? e.Date, e.Date), e.Data.Place)).ToList();
        }

        var consent = d.State.Last(CaseEventType.CandidateConsented) ?? throw new RuleViolationException([Refusal.Block(
            RuleIds.R13CandidatePublicNotice, "第十三条", "拟列为发展对象须经上级党委同意后公示：尚未记录上级党委同意")]);
        if (start is { } s && s < consent.Date)
        {
            throw new RuleViolationException([Refusal.Block(RuleIds.R13CandidatePublicNotice, "第十三条",
                $"公示不得早于上级党委同意（{consent.Date:yyyy-MM-dd}）：开始日期为 {s:yyyy-MM-dd}")]);
        }

        var first = start ?? (d.Today > consent.Date ? d.Today : consent.Date);
        if (start is null)
        {
            while (cal.IsLoaded(first.Year) && !cal.IsWorkingDay(first))
            {
                first = first.AddDays(1);
            }
        }

        var end = cal.AddWorkingDays(first, 5);
        var days = cal.CountWorkingDays(first, end);
        NoticePlace?[] places = d.Person.IsMobile ? [NoticePlace.OutflowPlace, NoticePlace.InflowPlace] : [null];
        return places.Select(p => new PublicNoticeDoc.Period(first, end, days, p)).ToList();
    }

    private static CaseEvent ResolutionVote(CaseDossier d, int? seq)
    {
        if (seq is { } n)
        {
            var e = d.State.Events.FirstOrDefault(x => x.Seq == n);
            if (e is null || e.Type is not (CaseEventType.AdmissionVoteHeld or CaseEventType.ConfirmationVoteHeld))
            {
                throw new InvalidInputException("seq", $"第 {n} 条记录不是支部党员大会的表决（讨论接收或转正）");
            }

            return e;
        }

        return d.State.Last(CaseEventType.AdmissionVoteHeld)!; // reached: checked by NotReached
    }

    private Task<string> RenderAsync<T>(Dictionary<string, object?> parameters)
        where T : IComponent => renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString());

    /// <summary>
    /// Writes the case's electronic archive to a temporary file and returns it open for reading (deleted on close):
    /// the forms the case has reached and the 全程纪实 report as PDF, every attachment as stored, and
    /// <c>manifest.json</c> with every event as stored and every file's SHA-256. Stored bytes are checked against their
    /// digest on the way: an altered store is reported, never exported.
    /// </summary>
    public async Task<FileStream> ArchiveAsync(string caseId, CancellationToken ct = default)
    {
        var d = await load.Handle(caseId, ct);
        var documents = new List<(ManifestFile File, byte[] Bytes)>();
        void AddDocument(string path, string title, byte[] bytes) =>
            documents.Add((new ManifestFile(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, title), bytes));

        AddDocument("record.pdf", "全程纪实", await printer.PrintAsync(await RenderAsync<CaseRecordDoc>(new() { ["Dossier"] = d }), ct));
        foreach (var form in Reached(d.State))
        {
            if (form == CaseForm.BranchResolution)
            {
                foreach (var vote in d.State.Events.Where(e => e.Type is CaseEventType.AdmissionVoteHeld or CaseEventType.ConfirmationVoteHeld))
                {
                    var html = await FormHtmlAsync(d, form, new FormRequest(Seq: vote.Seq));
                    AddDocument($"forms/{form}-{vote.Seq}.pdf", $"{FileName(form)}（{Labels.Of(vote.Type)}）", await printer.PrintAsync(html, ct));
                }
            }
            else if (form != CaseForm.PublicNotice || d.State.Last(CaseEventType.PublicNoticeEnded) is not null)
            {
                AddDocument($"forms/{form}.pdf", FileName(form), await printer.PrintAsync(await FormHtmlAsync(d, form, new FormRequest()), ct));
            }
        }

        var attachments = new List<(ManifestFile File, string StoredPath)>();
        foreach (var a in d.Attachments)
        {
            var stored = AttachmentStore.PathOf(settings.DataDirectory, a.Sha256);
            if (!File.Exists(stored) || await AttachmentStore.DigestAsync(stored, ct) != a.Sha256)
            {
                throw new ConflictException($"材料 {a.FileName}（#{a.Seq}）的存储文件缺失或与其摘要不符：请从备份恢复后再导出");
            }

            attachments.Add((new ManifestFile($"attachments/{a.Seq:D3}-{a.DocumentType}{Path.GetExtension(a.FileName).ToLowerInvariant()}",
                a.Sha256, a.Size, Labels.Of(a.DocumentType), a.DocumentType, a.Id, a.Seq, a.FileName, a.ContentType), stored));
        }

        var c = d.Case;
        var manifest = new ArchiveManifest(ArchiveManifest.FormatV1, ChinaTime.ToChina(time.GetUtcNow()), caller.Current.DisplayName,
            new ManifestCase(c.Id, c.PersonId, c.PersonName, c.OrgId, d.Branch.Name, c.Stage, c.Status, c.EventCount, c.HeadHash,
                CaseDossier.VerificationCode(c.HeadHash)),
            d.View.Events.Select(ManifestEvent.From).ToList(),
            attachments.Select(x => x.File).ToList(),
            documents.Select(x => x.File).ToList());

        var tmpDir = Path.Combine(settings.DataDirectory, "files", "tmp");
        Directory.CreateDirectory(tmpDir);
        var path = Path.Combine(tmpDir, "archive-" + Guid.NewGuid().ToString("N") + ".zip");
        var output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ArchiveManifest.Json);
                await using (var s = await zip.CreateEntry(ArchiveManifest.FileName, CompressionLevel.NoCompression).OpenAsync(ct))
                {
                    await s.WriteAsync(manifestBytes, ct);
                }

                await using (var s = await zip.CreateEntry(ArchiveManifest.DigestFileName, CompressionLevel.NoCompression).OpenAsync(ct))
                {
                    await s.WriteAsync(System.Text.Encoding.ASCII.GetBytes(ArchiveManifest.DigestLine(manifestBytes)), ct);
                }

                foreach (var (file, bytes) in documents)
                {
                    await using var s = await zip.CreateEntry(file.Path, CompressionLevel.NoCompression).OpenAsync(ct);
                    await s.WriteAsync(bytes, ct);
                }

                foreach (var (file, stored) in attachments)
                {
                    await using var s = await zip.CreateEntry(file.Path, CompressionLevel.NoCompression).OpenAsync(ct);
                    await using var input = File.OpenRead(stored);
                    await input.CopyToAsync(s, ct);
                }
            }

            output.Position = 0;
            return output;
        }
        catch
        {
            await output.DisposeAsync();
            throw;
        }
    }
}
