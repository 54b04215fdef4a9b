using Jishi.App.AdmissionForms;
using Jishi.App.Cases;
using Jishi.Domain.Development;

namespace Jishi.Web.Api;

/// <summary>The 《中国共产党入党志愿书》 serial register (R-18-admission-form-issuance, 第四十二条).</summary>
public static class AdmissionFormSerialEndpoints
{
    public static void MapAdmissionFormSerialEndpoints(this RouteGroupBuilder api)
    {
        var serials = api.MapGroup("/admission-form-serials").WithTags("Admission form serials");
        serials.MapPost("/ranges", RecordRange)
            .WithSummary("登记收到的志愿书编号段 {orgId, first, last, receivedDate, note?}：每个编号可发放（Available）")
            .WithDescription("first、last 长度相同、前缀相同、末尾为数字，last ≥ first，一批至多 10000 份；登记单位为具有审批权限的党委、"
                + "县级以上党委或其组织部门。与已登记编号重复 → 422 R-18-admission-form-issuance，指明第一个重复的编号。");
        serials.MapGet("/", List).WithSummary("志愿书编号登记（orgId 含下级组织；state：Available、Issued、Voided；q 编号的一部分或个案 id）");
        serials.MapGet("/{serial}", Get).WithSummary("一个志愿书编号：状态、保管的党委、发放的个案、作废日期和原因");
        serials.MapPost("/{serial}/void", Void).WithSummary("作废志愿书编号 {date, reason}（未发放或已发放；已作废 → 409）");
    }

    private static async Task<IResult> RecordRange(NewSerialRange body, RecordSerialRange useCase, CancellationToken ct)
    {
        var batch = await useCase.Handle(body, ct);
        return Results.Created($"/api/v1/admission-form-serials?orgId={batch.OrgId}",
            new SerialRangeResponse(batch.OrgId, batch.First, batch.Last, batch.Count));
    }

    private static async Task<Page<AdmissionFormSerialResponse>> List(string? orgId, string? state, string? q, int? page, int? pageSize,
        ListAdmissionFormSerials useCase, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page, pageSize);
        var (items, total) = await useCase.Handle(orgId, state, q, p, size, ct);
        return new Page<AdmissionFormSerialResponse>(items.Select(AdmissionFormSerialResponse.From).ToList(), total);
    }

    private static async Task<AdmissionFormSerialResponse> Get(string serial, GetAdmissionFormSerial useCase, CancellationToken ct) =>
        AdmissionFormSerialResponse.From(await useCase.Handle(serial, ct));

    private static async Task<AdmissionFormSerialResponse> Void(string serial, SerialVoid body, VoidAdmissionFormSerial useCase,
        CancellationToken ct) =>
        AdmissionFormSerialResponse.From(await useCase.Handle(serial, body, ct));

    public sealed record SerialRangeResponse(string OrgId, string First, string Last, int Count);

    public sealed record AdmissionFormSerialResponse(string Serial, string OrgId, SerialState State, string? CaseId, DateOnly? IssuedDate,
        DateOnly? VoidedDate, string? VoidReason)
    {
        public static AdmissionFormSerialResponse From(AdmissionFormSerialRecord r) =>
            new(r.Serial, r.OrgId, r.State, r.CaseId, r.IssuedDate, r.VoidedDate, r.VoidReason);
    }
}
