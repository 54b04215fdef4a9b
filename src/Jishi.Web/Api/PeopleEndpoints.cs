using System.Text.Json;
using Jishi.App.Accounts;
using Jishi.App.People;

namespace Jishi.Web.Api;

public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");
        people.MapPost("/", Create).WithSummary("登记人员（居民身份证号码按 GB 11643 校验；重复 → 409）");
        people.MapGet("/{id}", Get).WithSummary("人员详情（非管理员看到的身份证号码已脱敏）");
        people.MapGet("/", List).WithSummary("按姓名或身份证号码末几位查找");
        people.MapPatch("/{id}", Update).WithSummary("修改可选字段（JSON merge patch；身份证号码不可修改）");
    }

    private static async Task<IResult> Create(NewPerson body, CreatePerson useCase, CallerScope scope, CancellationToken ct)
    {
        var person = await useCase.Handle(body, ct);
        return Results.Created($"/api/v1/people/{person.Id}", PersonResponse.From(person, scope.Current));
    }

    private static async Task<PersonResponse> Get(string id, GetPerson useCase, CallerScope scope, CancellationToken ct) =>
        PersonResponse.From(await useCase.Handle(id, ct), scope.Current);

    private static async Task<Page<PersonResponse>> List(string? q, int? page, int? pageSize, ListPeople useCase,
        CallerScope scope, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page, pageSize);
        var (items, total) = await useCase.Handle(q, p, size, ct);
        return new Page<PersonResponse>(items.Select(x => PersonResponse.From(x, scope.Current)).ToList(), total);
    }

    private static async Task<PersonResponse> Update(string id, JsonElement body, UpdatePerson useCase, CallerScope scope,
        CancellationToken ct) =>
        PersonResponse.From(await useCase.Handle(id, body, ct), scope.Current);
}
