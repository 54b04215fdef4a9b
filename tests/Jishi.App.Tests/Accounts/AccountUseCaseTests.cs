using System.Security.Cryptography;
using System.Text;
using Jishi.App.Accounts;
using Jishi.App.Data;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Accounts;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Accounts;

public abstract class AccountUseCaseTests : UseCaseTest
{
    private const string Password = "correct-horse-42";

    private Task<User> CreateUserAs(Caller caller, NewUser input) => new CreateUser(Db(caller), Time).Handle(input);

    [Fact]
    public async Task CreateUser_ByManagerOrViewer_IsForbiddenAndNothingIsSaved()
    {
        var tree = await BuildTreeAsync();
        var input = new NewUser("zhibu2", "第二支部书记", tree.BranchB.Id, Role.Manager, Password);

        await Assert.ThrowsAsync<ForbiddenException>(() => CreateUserAs(ManagerOf(tree.County), input));
        await Assert.ThrowsAsync<ForbiddenException>(() => CreateUserAs(ViewerOf(tree.County), input));

        Assert.Equal(0, await CountAsync<User>());
    }

    [Theory]
    [InlineData(Role.Manager)]
    [InlineData(Role.Viewer)]
    public async Task CreateUser_ManagerOrViewerWithoutOrg_IsRefusedForOrgId(Role role)
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(
            () => CreateUserAs(AdminUser, new NewUser("zhibu2", "第二支部书记", null, role)));

        AssertSingleField(e, "orgId");
        Assert.Equal(0, await CountAsync<User>());
    }

    [Fact]
    public async Task CreateUser_AdminWithoutOrg_IsAccepted()
    {
        var user = await CreateUserAs(AdminUser, new NewUser("admin2", "第二管理员", null, Role.Admin));

        Assert.Null(user.OrgId);
        Assert.Null(user.PasswordHash);
    }

    [Fact]
    public async Task CreateUser_WithUnknownOrg_IsNotFoundForOrgId()
    {
        var e = await Assert.ThrowsAsync<NotFoundException>(
            () => CreateUserAs(AdminUser, new NewUser("zhibu2", "第二支部书记", "nosuchorg", Role.Manager)));

        Assert.Equal("orgId", e.Field);
    }

    [Theory]
    [InlineData("ab", "userName")]
    [InlineData("张三", "userName")]
    [InlineData("has space", "userName")]
    public async Task CreateUser_WithInvalidUserName_IsRefusedForUserName(string userName, string field)
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(
            () => CreateUserAs(AdminUser, new NewUser(userName, "某人", null, Role.Admin)));

        AssertSingleField(e, field);
    }

    [Fact]
    public async Task CreateUser_WithShortPassword_IsRefusedForPassword()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(
            () => CreateUserAs(AdminUser, new NewUser("admin2", "某人", null, Role.Admin, "1234567")));

        AssertSingleField(e, "password");
    }

    [Fact]
    public async Task CreateUser_WithTakenUserName_IsConflictNamingTheExistingUser()
    {
        var tree = await BuildTreeAsync();
        var first = await CreateUserAs(AdminUser, new NewUser("zhibu1", "第一支部书记", tree.BranchA.Id, Role.Manager));

        var e = await Assert.ThrowsAsync<ConflictException>(
            () => CreateUserAs(AdminUser, new NewUser("zhibu1", "另一个人", tree.BranchB.Id, Role.Viewer)));

        Assert.Equal(first.Id, e.ExistingId);
        Assert.Equal(1, await CountAsync<User>());
    }

    [Fact]
    public async Task CreateToken_ThenSignInByToken_ReturnsTheCallerWithTheOrgPath()
    {
        var tree = await BuildTreeAsync();
        var user = await CreateUserAs(AdminUser, new NewUser("zhibu1", "第一支部书记", tree.BranchA.Id, Role.Manager));

        var issued = await new CreateToken(Db(AdminUser), Time).Handle(user.Id, "手机");
        var caller = await new SignIn(Db(), Time).ByToken(issued.Token);

        Assert.NotNull(caller);
        Assert.Equal(user.Id, caller.UserId);
        Assert.Equal("zhibu1", caller.UserName);
        Assert.Equal("第一支部书记", caller.DisplayName);
        Assert.Equal(Role.Manager, caller.Role);
        Assert.Equal(tree.BranchA.Id, caller.OrgId);
        Assert.Equal(tree.BranchA.Path, caller.OrgPath);
        Assert.Equal(tree.BranchA.Path, caller.ScopePath);
        Assert.StartsWith("jsk_", issued.Token);
        Assert.Equal(issued.Token[..10], issued.Record.Prefix);
    }

    [Fact]
    public async Task SignInByToken_WithUnknownToken_ReturnsNull()
    {
        var tree = await BuildTreeAsync();
        var user = await CreateUserAs(AdminUser, new NewUser("zhibu1", "第一支部书记", tree.BranchA.Id, Role.Manager));
        var issued = await new CreateToken(Db(AdminUser), Time).Handle(user.Id);

        Assert.Null(await new SignIn(Db(), Time).ByToken(issued.Token + "x"));
        Assert.Null(await new SignIn(Db(), Time).ByToken("jsk_nothing"));
    }

    [Fact]
    public async Task CreateToken_StoresOnlyTheSha256HashOfTheToken()
    {
        var user = await CreateUserAs(AdminUser, new NewUser("admin2", "第二管理员", null, Role.Admin));

        var issued = await new CreateToken(Db(AdminUser), Time).Handle(user.Id, "脚本");

        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Token)));
        var stored = await Db().ApiTokens.AsNoTracking().SingleAsync();
        Assert.Equal(expectedHash, stored.TokenHash);

        // Every column of every row of api_tokens, read raw: the token text itself is nowhere.
        var db = Db();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM api_tokens";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }

        Assert.Contains(expectedHash, values);
        Assert.DoesNotContain(values, v => v.Contains(issued.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => v.Contains(issued.Token[10..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateToken_ForAnotherUser_ByManager_IsForbidden()
    {
        var tree = await BuildTreeAsync();
        var other = await CreateUserAs(AdminUser, new NewUser("zhibu2", "第二支部书记", tree.BranchB.Id, Role.Manager));

        await Assert.ThrowsAsync<ForbiddenException>(() => new CreateToken(Db(ManagerOf(tree.BranchA)), Time).Handle(other.Id));

        Assert.Equal(0, await CountAsync<ApiToken>());
    }

    [Fact]
    public async Task SignInByPassword_WithTheRightPassword_ReturnsTheCaller()
    {
        var tree = await BuildTreeAsync();
        await CreateUserAs(AdminUser, new NewUser("zhibu1", "第一支部书记", tree.BranchA.Id, Role.Manager, Password));

        var (caller, error) = await new SignIn(Db(), Time).ByPassword(" zhibu1 ", Password);

        Assert.Null(error);
        Assert.NotNull(caller);
        Assert.Equal(tree.BranchA.Path, caller.OrgPath);
    }

    [Fact]
    public async Task SignInByPassword_FiveWrongPasswords_LockTheAccountForFifteenMinutes()
    {
        var tree = await BuildTreeAsync();
        await CreateUserAs(AdminUser, new NewUser("zhibu1", "第一支部书记", tree.BranchA.Id, Role.Manager, Password));

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var (caller, error) = await new SignIn(Db(), Time).ByPassword("zhibu1", "wrong-password");
            Assert.Null(caller);
            Assert.Equal("用户名或密码错误", error);
        }

        var fifth = await new SignIn(Db(), Time).ByPassword("zhibu1", "wrong-password");
        Assert.Null(fifth.Caller);
        Assert.Contains("锁定", fifth.Error);

        // The sixth attempt, with the right password, is refused while the account is locked …
        var sixth = await new SignIn(Db(), Time).ByPassword("zhibu1", Password);
        Assert.Null(sixth.Caller);
        Assert.Contains("锁定", sixth.Error);

        Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Null((await new SignIn(Db(), Time).ByPassword("zhibu1", Password)).Caller);

        // … and succeeds once the 15 minutes have passed.
        Time.Advance(TimeSpan.FromMinutes(2));
        var later = await new SignIn(Db(), Time).ByPassword("zhibu1", Password);
        Assert.Null(later.Error);
        Assert.NotNull(later.Caller);
        var stored = await Db().Users.AsNoTracking().SingleAsync();
        Assert.Null(stored.LockedUntil);
        Assert.Equal(0, stored.FailedLoginCount);
    }

    [Fact]
    public async Task SignInByPassword_ASuccessInBetween_ResetsTheFailureCount()
    {
        var tree = await BuildTreeAsync();
        await CreateUserAs(AdminUser, new NewUser("zhibu1", "第一支部书记", tree.BranchA.Id, Role.Manager, Password));

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await new SignIn(Db(), Time).ByPassword("zhibu1", "wrong-password");
        }

        Assert.NotNull((await new SignIn(Db(), Time).ByPassword("zhibu1", Password)).Caller);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await new SignIn(Db(), Time).ByPassword("zhibu1", "wrong-password");
        }

        Assert.NotNull((await new SignIn(Db(), Time).ByPassword("zhibu1", Password)).Caller);
    }

    [Fact]
    public async Task SignInByPassword_UnknownUserOrUserWithoutPassword_IsRefusedLikeAWrongPassword()
    {
        await CreateUserAs(AdminUser, new NewUser("nopassword", "没有密码", null, Role.Admin));

        Assert.Equal("用户名或密码错误", (await new SignIn(Db(), Time).ByPassword("nosuchuser", Password)).Error);
        Assert.Equal("用户名或密码错误", (await new SignIn(Db(), Time).ByPassword("nopassword", Password)).Error);
    }
}

public sealed class AccountUseCaseTests_Sqlite : AccountUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class AccountUseCaseTests_Postgres : AccountUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
