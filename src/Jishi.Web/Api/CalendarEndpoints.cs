using Jishi.App.Calendar;
using Jishi.Domain.Rules;

namespace Jishi.Web.Api;

public static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        calendar.MapGet("/working-days", WorkingDays)
            .WithSummary("区间内（含首尾）的工作日数（G-03，按国务院办公厅节假日安排）；未载入的年份 → 422 G-03-working-days");
        calendar.MapGet("/years", Years).WithSummary("已载入的年份");
        calendar.MapPost("/years", Import)
            .WithSummary("导入新发布年份的节假日安排（仅 Admin；格式 {year, days:[{name, date, isOffDay}]}）");
    }

    private static WorkingDaysResponse WorkingDays(string? from, string? to, OfficialCalendar calendar)
    {
        var errors = new List<FieldError>();
        var fromDate = ParseDate("from", from, errors);
        var toDate = ParseDate("to", to, errors);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new WorkingDaysResponse(fromDate, toDate, calendar.Current.CountWorkingDays(fromDate, toDate));
    }

    private static List<CalendarYearResponse> Years(OfficialCalendar calendar) =>
        calendar.Current.LoadedYears.Order().Select(y => new CalendarYearResponse(y,
            calendar.Current.CountWorkingDays(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)))).ToList();

    private static async Task<IResult> Import(HttpRequest request, ImportCalendarYear useCase, OfficialCalendar calendar,
        CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct);
        var year = await useCase.Handle(json, "接口导入", ct);
        var first = new DateOnly(year.Year, 1, 1);
        return Results.Created($"/api/v1/calendar/years", new CalendarYearResponse(year.Year,
            calendar.Current.CountWorkingDays(first, new DateOnly(year.Year, 12, 31))));
    }

    private static DateOnly ParseDate(string field, string? value, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "必须填写日期（YYYY-MM-DD）"));
            return default;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date))
        {
            errors.Add(new FieldError(field, $"“{value}”不是有效日期：应为 YYYY-MM-DD"));
        }

        return date;
    }
}
