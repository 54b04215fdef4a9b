using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jishi.Web.Tests.Documents;

namespace Jishi.Web.Tests.Dues;

/// <summary>The monthly collection sheet (党费收缴登记表) of GET /dues/sheet as Excel and as PDF: the same lines and totals
/// as the JSON, read back with Open XML and poppler, in the scope of the JSON sheet.</summary>
public sealed class DuesSheetExportTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private static int sequence;

    private readonly ApiClient admin = factory.Admin();

    private sealed record Setup(ApiClient Manager, ApiClient Outsider, string Branch, string BranchName);

    /// <summary>Two members of a branch: 收缴甲 (75.00 a month from 2026-11, paid) and 收缴乙 (15.00 from 2026-10, nothing paid).</summary>
    private async Task<Setup> SetUpAsync()
    {
        var n = Interlocked.Increment(ref sequence);
        var county = await admin.CreateOrgAsync($"收缴县委{n}", "CountyCommittee");
        var name = $"收缴第{n}支部";
        var branch = await admin.CreateOrgAsync(name, "Branch", county);
        var other = await admin.CreateOrgAsync($"收缴另一支部{n}", "Branch", county);
        var manager = await factory.UserAsync("Manager", branch);
        foreach (var (who, from, pay) in new[] { ("收缴甲", "2026-11", 5000.01m), ("收缴乙", "2026-10", 3000m) })
        {
            var person = await admin.CreatePersonAsync(who, IdNumbers.Unique(), branch);
            var member = (await admin.PostAsync("/api/v1/members",
                new { personId = person, orgId = branch, status = "FullMember", probationStartDate = "2015-07-01", partyAgeStartDate = "2016-07-01" })).Id;
            Assert.Equal(200, (await manager.PutAsync($"/api/v1/members/{member}/dues-base", new { from, baseType = "Salaried", @base = pay })).Status);
            if (who == "收缴甲")
            {
                Assert.Equal(201, (await manager.PostAsync("/api/v1/dues/payments",
                    new { memberId = member, paidDate = "2026-11-05", coversFrom = "2026-11", coversTo = "2026-11", amount = 75m })).Status);
            }
        }

        return new Setup(manager, await factory.UserAsync("Manager", other), branch, name);
    }

    private static Dictionary<string, string> Cells(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        return part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!,
            c => c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text ?? "");
    }

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheSheetAsExcel_HasARowPerMemberWithTheJsonFigures_AndTheTotalsToTheCent()
    {
        var s = await SetUpAsync();
        var json = await s.Manager.GetOkAsync($"/api/v1/dues/sheet?orgId={s.Branch}&month=2026-11");
        var response = await s.Manager.Http.GetAsync($"/api/v1/dues/sheet?orgId={s.Branch}&month=2026-11&format=xlsx");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"党费收缴登记表-{s.BranchName}-2026-11.xlsx", Uri.UnescapeDataString(disposition.FileNameStar!.Trim('"')));

        var cells = Cells(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(s.BranchName, cells["A1"]);
        Assert.Contains("2026年11月", cells["A1"]);
        Assert.Equal(["序号", "姓名", "所在党组织", "类别", "计算基数（元）", "比例", "应交（元）", "已交（元）", "收据号", "欠交月数", "备注"],
            "ABCDEFGHIJK".Select(c => cells[$"{c}2"]));

        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var row = i + 3;
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), cells[$"A{row}"]);
            Assert.Equal(items[i].GetProperty("name").GetString(), cells[$"B{row}"]);
            Assert.Equal(s.BranchName, cells[$"C{row}"]);
            Assert.Equal(items[i].GetProperty("due").GetDecimal(), Dec(cells[$"G{row}"]));
            Assert.Equal(items[i].GetProperty("paid").GetDecimal(), Dec(cells[$"H{row}"]));
            Assert.Equal(string.Join("、", items[i].GetProperty("receipts").EnumerateArray().Select(r => r.GetString())), cells[$"I{row}"]);
            Assert.Equal(items[i].GetProperty("arrearsMonths").GetInt32(), int.Parse(cells[$"J{row}"], CultureInfo.InvariantCulture));
        }

        (decimal, decimal, int) Line(string name)
        {
            var row = cells.Single(c => c.Key.StartsWith('B') && c.Value == name).Key[1..];
            return (Dec(cells["G" + row]), Dec(cells["H" + row]), int.Parse(cells["J" + row], CultureInfo.InvariantCulture));
        }

        Assert.Equal((75.00m, 75.00m, 0), Line("收缴甲"));
        Assert.Equal((15.00m, 0m, 1), Line("收缴乙"));

        var totals = json.GetProperty("totals");
        decimal Total(string label) => Dec(cells["G" + cells.Single(c => c.Key.StartsWith('A') && c.Value == label).Key[1..]]);
        Assert.Equal("合计", cells["A5"]);
        Assert.Equal((totals.GetProperty("due").GetDecimal(), totals.GetProperty("collected").GetDecimal()), (Dec(cells["G5"]), Dec(cells["H5"])));
        Assert.Equal(90.00m, Total("应交合计（元）"));
        Assert.Equal(totals.GetProperty("due").GetDecimal(), Total("应交合计（元）"));
        Assert.Equal(totals.GetProperty("collected").GetDecimal(), Total("已交合计（元）"));
        Assert.Equal(totals.GetProperty("received").GetDecimal(), Total("本月收到（元，按交纳日期）"));
        Assert.Equal(totals.GetProperty("members").GetInt32(), (int)Total("人数"));
        Assert.Equal(totals.GetProperty("paid").GetInt32(), (int)Total("已交人数"));
    }

    [Fact]
    public async Task TheSheetAsPdf_IsAnA4LandscapeTableWithTheOrganisationTheMembersAndTheTotals()
    {
        var s = await SetUpAsync();
        var pdf = await Pdf.GetAsync(s.Manager, $"/api/v1/dues/sheet?orgId={s.Branch}&month=2026-11&format=pdf");
        var text = Pdf.Text(pdf);
        Assert.Matches(@"Page size:\s+84[12]\.\d+ x 59[45]\.\d+ pts", Pdf.Info(pdf));
        Assert.DoesNotContain(text, c => c is >= '\u2F00' and <= '\u2FDF');
        Pdf.RenderPages(pdf, "dues-sheet");
        var c = Pdf.Compact(text);
        Assert.Contains($"{s.BranchName}党费收缴登记表", c);
        Assert.Contains("2026年11月", c);
        Assert.Contains("收缴甲", c);
        Assert.Contains("收缴乙", c);
        Assert.Contains("090.0075.00合计", c); // the totals row as pdftotext reads it: 欠交月数 0 of the last line, 应交, 已交, 合计
        Assert.Contains("第1页共1页", c);
        Assert.Contains("应交合计90.00元；已交合计75.00元；本月收到75.00元", c);
        Assert.Contains("人数2人，已交人数1人", c);
        Assert.Contains("收缴人：", c);
        Assert.Contains("日期：", c);
    }

    [Fact]
    public async Task TheExports_AreInTheScopeOfTheSheet_AndAnUnknownFormatIsRefusedWithTheField()
    {
        var s = await SetUpAsync();
        foreach (var format in new[] { "json", "xlsx", "pdf" })
        {
            Problem.Assert(await s.Outsider.GetAsync($"/api/v1/dues/sheet?orgId={s.Branch}&month=2026-11&format={format}"), 404);
        }

        Problem.AssertInvalid(await s.Manager.GetAsync($"/api/v1/dues/sheet?orgId={s.Branch}&month=2026-11&format=docx"), "format");
        Problem.AssertInvalid(await s.Manager.GetAsync($"/api/v1/dues/sheet?orgId={s.Branch}&month=2026-13&format=xlsx"), "month");
        Assert.Equal(JsonValueKind.Array, (await s.Manager.GetOkAsync($"/api/v1/dues/sheet?orgId={s.Branch}&month=2026-11&format=json"))
            .GetProperty("items").ValueKind);
    }
}
