using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Jishi.App;
using Jishi.App.Accounts;
using Jishi.App.Calendar;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.Web;
using Jishi.Web.Api;
using Jishi.Web.Components;
using Jishi.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// With no configuration, serve on http://127.0.0.1:5000 (ASPNETCORE_URLS, --urls or Kestrel settings override it).
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls("http://127.0.0.1:5000");
}

var database = DatabaseSettings.FromConfiguration(builder.Configuration);
builder.Services.AddJishiData(database);
builder.Services.AddJishiUseCases();

builder.Services.Configure<JsonOptions>(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<Problems>();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Jishi 纪实 API";
    doc.Info.Version = "v1";
    doc.Info.Description = "发展党员全程纪实系统的公开接口（v1）。认证：Authorization: Bearer <token>。";
    return Task.CompletedTask;
}));

builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = "Jishi";
        o.DefaultChallengeScheme = "Jishi";
    })
    .AddPolicyScheme("Jishi", "Bearer or cookie", o => o.ForwardDefaultSelector = context =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? BearerAuthentication.SchemeName
            : CookieAuthenticationDefaults.AuthenticationScheme)
    .AddScheme<AuthenticationSchemeOptions, BearerAuthentication>(BearerAuthentication.SchemeName, null)
    .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
    {
        o.LoginPath = "/login";
        o.LogoutPath = "/logout";
        o.AccessDeniedPath = "/login";
        o.Cookie.Name = "jishi.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
    });
builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddRazorComponents();
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All)); // Chinese as text, not as &#x…; entities
builder.Services.AddSingleton<Jishi.Web.Documents.PdfPrinter>();
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Web.HtmlRenderer>();
builder.Services.AddScoped<Jishi.Web.Documents.CaseDocuments>();
builder.Services.AddScoped<Jishi.Web.Documents.DuesDocuments>();
builder.Services.AddScoped<Jishi.Web.Documents.MeetingDocuments>();
builder.Services.AddScoped<Jishi.Web.Documents.AppraisalDocuments>();
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.DataDirectory, "keys")));

var app = builder.Build();

await using (var startup = app.Services.CreateAsyncScope())
{
    startup.ServiceProvider.GetRequiredService<CallerScope>().Current = Caller.System; // migrations, calendar, demo data
    var db = startup.ServiceProvider.GetRequiredService<JishiDbContext>();
    var time = startup.ServiceProvider.GetRequiredService<TimeProvider>();
    await JishiDatabase.MigrateAsync(db);
    await app.Services.GetRequiredService<OfficialCalendar>().InitialiseAsync(db, time);
    if (app.Configuration.GetValue("Jishi:SeedDemo", true))
    {
        var login = await startup.ServiceProvider.GetRequiredService<SeedDemo>().Handle();
        if (login is not null)
        {
            await startup.ServiceProvider.GetRequiredService<SeedDemoCases>().Handle();
            await startup.ServiceProvider.GetRequiredService<SeedDemoTransfers>().Handle();
            await startup.ServiceProvider.GetRequiredService<SeedDemoMobility>().Handle();
            await startup.ServiceProvider.GetRequiredService<SeedDemoDues>().Handle();
            await startup.ServiceProvider.GetRequiredService<SeedDemoMeetings>().Handle();
            await startup.ServiceProvider.GetRequiredService<SeedDemoPartySpirit>().Handle();
            await startup.ServiceProvider.GetRequiredService<SeedDemoAppraisals>().Handle();
            await startup.ServiceProvider.GetRequiredService<SeedDemoDisposals>().Handle();
        }

        DemoConsole.Announce(app, database, login);
    }
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseAuthentication();
app.UseMiddleware<CallerMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();

app.MapGet("/health", async (JishiDbContext db, CancellationToken ct) =>
        await db.Database.CanConnectAsync(ct)
            ? Results.Ok(new { status = "Healthy" })
            : Results.Problem(statusCode: 503, title: "数据库不可达"))
    .AllowAnonymous().WithTags("Health");
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api-docs", o => o.WithTitle("Jishi 纪实 API")).AllowAnonymous();

var api = app.MapGroup("/api/v1")
    .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = BearerAuthentication.SchemeName })
    .AddEndpointFilter(ViewerWrites.Refuse)
    .DisableAntiforgery();
api.MapOrgEndpoints();
api.MapPeopleEndpoints();
api.MapMemberEndpoints();
api.MapUserEndpoints();
api.MapCalendarEndpoints();
api.MapCaseEndpoints();
api.MapAttachmentEndpoints();
api.MapDocumentEndpoints();
api.MapAdmissionFormSerialEndpoints();
api.MapTransferEndpoints();
api.MapMobilityEndpoints();
api.MapLostContactEndpoints();
api.MapDisposalEndpoints();
api.MapDuesEndpoints();
api.MapMeetingEndpoints();
api.MapPartySpiritEndpoints();

app.MapAccountEndpoints();
app.MapCalendarFeedEndpoints();
app.MapDocumentPages();
app.MapRazorComponents<App>();

app.Run();

/// <summary>The entry point, visible to the web tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
