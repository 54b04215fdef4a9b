using Jishi.App;
using Jishi.App.Accounts;

namespace Jishi.Web.Api;

public static class UserEndpoints
{
    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapPost("/", Create).WithSummary("新建用户（仅 Admin）：角色 Admin / Manager / Viewer，绑定组织");
        users.MapGet("/", List).WithSummary("用户列表（仅 Admin）");
        users.MapPost("/{id}/tokens", CreateToken).WithSummary("签发令牌（只显示一次，库中仅存摘要）");
    }

    private static async Task<IResult> Create(NewUser body, CreateUser useCase, CancellationToken ct)
    {
        var user = await useCase.Handle(body, ct);
        return Results.Created($"/api/v1/users/{user.Id}", UserResponse.From(user));
    }

    private static async Task<IReadOnlyList<UserResponse>> List(ListUsers useCase, CancellationToken ct) =>
        (await useCase.Handle(ct)).Select(UserResponse.From).ToList();

    private static async Task<IResult> CreateToken(string id, CreateToken useCase, CancellationToken ct)
    {
        var issued = await useCase.Handle(id, null, ct);
        return Results.Created($"/api/v1/users/{id}",
            new TokenResponse(issued.Record.Id, issued.Token, issued.Record.Prefix, ChinaTime.ToChina(issued.Record.CreatedAt)));
    }
}
