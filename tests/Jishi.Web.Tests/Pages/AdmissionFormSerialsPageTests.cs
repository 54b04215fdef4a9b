using System.Globalization;
using Jishi.Web.Tests.Cases;

namespace Jishi.Web.Tests.Pages;

/// <summary>The 志愿书编号登记 page (R-18-admission-form-issuance), driven like a browser without JavaScript.</summary>
public sealed class AdmissionFormSerialsPageTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private const string Password = "serials-pw-2026";

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();

    private async Task<WebSession> LogInAsync(string role, string orgId)
    {
        var userName = $"s{Guid.NewGuid():N}"[..16];
        var reply = await factory.Admin().PostAsync("/api/v1/users", new { userName, displayName = "编号登记" + role, orgId, role, password = Password });
        Assert.True(reply.Status == 201, reply.ToString());
        return await WebSession.LogInAsync(factory, userName, Password);
    }

    [Fact]
    public async Task AManager_RecordsARange_SeesItListed_AndVoidsASerialWithAReason()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var p = "P" + Random.Shared.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture) + "-";
        var county = await factory.Admin().CreateOrgAsync("编号县委" + suffix, "CountyCommittee");
        var web = await LogInAsync("Manager", county);

        var empty = await web.GetAsync("/admission-form-serials");
        Assert.Equal(200, empty.Status);
        Assert.Contains("志愿书编号登记", empty.Html);
        Assert.Contains("登记收到的编号段", empty.Html);
        Assert.Contains("href=\"/admission-form-serials\"", empty.Html); // the navigation link

        var recorded = await web.PostFormAsync("/admission-form-serials", "new-range", Form(
            ("orgId", county), ("first", p + "0001"), ("last", p + "0020"), ("receivedDate", "2026-03-02"), ("note", "第一批")));
        Assert.True(recorded.Status == 302, recorded.ToString());
        var shown = await web.GetAsync(recorded.Location!);
        Assert.Contains("共 20 份", shown.Html);
        Assert.Contains(p + "0001", shown.Html);
        Assert.Contains("可发放", shown.Html);

        var backwards = await web.PostFormAsync("/admission-form-serials", "new-range", Form(
            ("orgId", county), ("first", p + "0100"), ("last", p + "0099"), ("receivedDate", "2026-03-02")));
        Assert.Equal(200, backwards.Status);
        Assert.Contains("输入有误", backwards.Html);
        Assert.Contains("小于起始编号", backwards.Html);
        var overlap = await web.PostFormAsync("/admission-form-serials", "new-range", Form(
            ("orgId", county), ("first", p + "0015"), ("last", p + "0030"), ("receivedDate", "2026-03-02")));
        Assert.Equal(200, overlap.Status);
        Assert.Contains("不符合规定", overlap.Html);
        Assert.Contains(p + "0015", overlap.Html);

        var form = await web.GetAsync($"/admission-form-serials?q={p}&void={p}0007");
        Assert.Contains("作废志愿书编号 " + p + "0007", form.Html);
        var noReason = await web.PostFormAsync($"/admission-form-serials?void={p}0007", "void-serial", Form(
            ("serial", p + "0007"), ("date", "2026-11-20"), ("reason", "")));
        Assert.Equal(200, noReason.Status);
        Assert.Contains("必须填写作废原因", noReason.Html);
        var voided = await web.PostFormAsync($"/admission-form-serials?void={p}0007", "void-serial", Form(
            ("serial", p + "0007"), ("date", "2026-11-20"), ("reason", "填写错误")));
        Assert.True(voided.Status == 302, voided.ToString());
        var serial = await factory.Admin().GetOkAsync($"/api/v1/admission-form-serials/{p}0007");
        Assert.Equal(("Voided", "填写错误"), (serial.Str("state"), serial.Str("voidReason")));
        var list = await web.GetAsync($"/admission-form-serials?state=Voided&q={p}");
        Assert.Contains("已作废", list.Html);
        Assert.Contains("共 1 份", list.Html);
    }

    [Fact]
    public async Task AViewer_SeesTheRegister_WithoutTheForms()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var p = "V" + Random.Shared.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture) + "-";
        var county = await factory.Admin().CreateOrgAsync("只读县委" + suffix, "CountyCommittee");
        var range = await factory.Admin().PostAsync("/api/v1/admission-form-serials/ranges",
            new { orgId = county, first = p + "01", last = p + "03", receivedDate = "2026-03-02" });
        Assert.Equal(201, range.Status);
        var web = await LogInAsync("Viewer", county);

        var page = await web.GetAsync($"/admission-form-serials?void={p}01");

        Assert.Equal(200, page.Status);
        Assert.Contains(p + "03", page.Html);
        Assert.DoesNotContain("new-range", page.Html);
        Assert.DoesNotContain("void-serial", page.Html);
    }
}
