using Jishi.App.Data;
using Jishi.Domain.Organisations;

namespace Jishi.App.Alerts;

/// <summary>An obligation of an organisation itself (OrgWARN), not of a case: a yearly report not made, a meeting not
/// held. Shown in the alerts with <c>kind: "OrgObligation"</c> until it is met. <see cref="Period"/> tells apart the
/// obligations of one organisation and rule (the period and meeting type, the year and report kind, the graduate);
/// without it the due date does.</summary>
public sealed record OrgObligation(string OrgId, string OrgName, string Rule, DateOnly DueDate, string Detail, string? Period = null)
{
    /// <summary>What identifies the obligation over time: organisation + rule + period (the calendar feed's UID).</summary>
    public string Key => $"{OrgId}-{Rule}-{Period ?? DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>A source of organisations' obligations: one per area that has them (dues, organisational life, reports),
/// found by <see cref="OrgObligations.Sources"/> — adding a source is adding its class.</summary>
public interface IOrgObligations
{
    /// <summary>The unmet obligations due on or before <paramref name="horizon"/> of the organisations in the caller's
    /// scope (the context's filters), within <paramref name="under"/> when given.</summary>
    Task<IReadOnlyList<OrgObligation>> DueBy(JishiDbContext db, Organisation? under, DateOnly horizon, CancellationToken ct);
}

public static class OrgObligations
{
    /// <summary>Every source of this assembly (a class implementing <see cref="IOrgObligations"/> with a parameterless
    /// constructor).</summary>
    public static IReadOnlyList<IOrgObligations> Sources { get; } = [.. typeof(OrgObligations).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IOrgObligations).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IOrgObligations)Activator.CreateInstance(t)!)];
}
