using Jishi.App.Organisations;

namespace Jishi.Web.Api;

public static class OrgEndpoints
{
    public static void MapOrgEndpoints(this RouteGroupBuilder api)
    {
        var orgs = api.MapGroup("/orgs").WithTags("Organisations");
        orgs.MapPost("/", Create).WithSummary("新建组织（G-14：不能审批的组织类型不能设置审批权限）");
        orgs.MapGet("/{id}", Get).WithSummary("组织详情");
        orgs.MapGet("/", List).WithSummary("下级组织（parentId）；subtree=true 时为其下全部组织；无 parentId 时为权限范围的顶层");
        orgs.MapPatch("/{id}", Update).WithSummary("改名与设置（G-14）");
        orgs.MapPost("/{id}/move", Move).WithSummary("移动到新的上级组织（不能形成循环）");
        orgs.MapPost("/{id}/whole-unit-transfer", WholeUnit)
            .WithSummary("整建制转接（T-11-whole-unit）：支部类组织连同全体党员转到新的上级组织，每名党员记整建制转出、转入（不能是未来日期，党员不能有未办结的组织关系介绍信）");
    }

    private static async Task<IResult> Create(NewOrg body, CreateOrg useCase, CancellationToken ct)
    {
        var org = await useCase.Handle(body, ct);
        return Results.Created($"/api/v1/orgs/{org.Id}", OrgResponse.From(org));
    }

    private static async Task<OrgResponse> Get(string id, GetOrg useCase, CancellationToken ct) =>
        OrgResponse.From(await useCase.Handle(id, ct));

    private static async Task<Page<OrgResponse>> List(string? parentId, bool? subtree, ListOrgs useCase, CancellationToken ct)
    {
        var orgs = await useCase.Handle(parentId, subtree ?? false, ct);
        return new Page<OrgResponse>(orgs.Select(OrgResponse.From).ToList(), orgs.Count);
    }

    private static async Task<OrgResponse> Update(string id, OrgChanges body, UpdateOrg useCase, CancellationToken ct) =>
        OrgResponse.From(await useCase.Handle(id, body, ct));

    private static async Task<OrgResponse> Move(string id, MoveRequest body, MoveOrg useCase, CancellationToken ct) =>
        OrgResponse.From(await useCase.Handle(id, body.ParentId, ct));

    private static async Task<OrgResponse> WholeUnit(string id, WholeUnitTransferRequest body, TransferWholeUnit useCase, CancellationToken ct) =>
        OrgResponse.From(await useCase.Handle(id, body, ct));

    public sealed record MoveRequest(string? ParentId);
}
