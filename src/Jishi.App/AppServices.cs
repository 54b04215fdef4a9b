using Jishi.App.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Jishi.App;

public static class AppServices
{
    /// <summary>
    /// Registers every use case (a public sealed class of this assembly that works on the database) as scoped, and the
    /// official calendar as a singleton.
    /// </summary>
    public static IServiceCollection AddJishiUseCases(this IServiceCollection services)
    {
        services.AddSingleton<OfficialCalendar>();
        services.AddSingleton(TimeProvider.System);
        var useCases = typeof(AppServices).Assembly.GetTypes().Where(t =>
            t is { IsClass: true, IsAbstract: false, IsPublic: true, IsSealed: true }
            && t.Namespace?.StartsWith("Jishi.App.", StringComparison.Ordinal) == true
            && !t.Namespace.StartsWith("Jishi.App.Data", StringComparison.Ordinal)
            && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(Data.JishiDbContext))));
        foreach (var type in useCases)
        {
            services.AddScoped(type);
        }

        return services;
    }
}
