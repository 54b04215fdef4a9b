using System.Net.Http.Headers;
using Jishi.Web.Tests.Cases;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jishi.Web.Tests.Documents;

/// <summary>
/// The demo as the README's run command seeds it: every printable form has a demo case to be printed from (an
/// activist, a candidate after the notice, a probationary member, a full member), and each prints with its text.
/// </summary>
public sealed class DemoFormsTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    [Fact]
    public async Task TheDemoCases_PrintEveryForm_AndTheRecord()
    {
        using var demo = factory.WithWebHostBuilder(b => b.UseSetting("Jishi:SeedDemo", "true"));
        var http = demo.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.BootstrapToken);
        var api = new ApiClient(http);

        var cases = (await api.GetOkAsync("/api/v1/cases?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(14, cases.Count);
        string CaseAt(string stage) => cases.First(c => c.Str("stage") == stage).Str("id");

        var printed = new Dictionary<string, string>
        {
            ["ActivistRecordForm"] = CaseAt("Activist"),
            ["PublicNotice"] = CaseAt("Candidate"),
            ["BranchResolution"] = CaseAt("ProbationaryMember"),
            ["ProbationRecordForm"] = CaseAt("FullMember"),
        };
        foreach (var (form, id) in printed)
        {
            var c = await api.GetOkAsync($"/api/v1/cases/{id}");
            var pdf = await Pdf.GetAsync(api, $"/api/v1/cases/{id}/forms/{form}.pdf");
            var text = Pdf.Text(pdf);
            Pdf.AssertPrintReady(pdf, text);
            Assert.Contains(c.Str("personName"), Pdf.Compact(text));
        }

        var full = Pdf.Compact(Pdf.Text(await Pdf.GetAsync(api, $"/api/v1/cases/{CaseAt("FullMember")}/forms/ProbationRecordForm.pdf")));
        Assert.Contains("按期转为正式党员", full);
        var record = Pdf.Compact(Pdf.Text(await Pdf.GetAsync(api, $"/api/v1/cases/{CaseAt("FullMember")}/record.pdf")));
        Assert.Contains("党委审批转正", record);
    }
}
