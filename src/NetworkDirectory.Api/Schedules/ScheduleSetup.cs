using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Schedules;

public static class ScheduleSetup
{
    /// <summary>
    /// The holiday calendar and evaluator are stateless apart from a thread-safe cache: singletons. The
    /// calendar's Gemeinde rules are read with the directory (DirectorySnapshotHolder), so every
    /// published snapshot is evaluated with the rules read alongside it.
    /// </summary>
    public static IServiceCollection AddSchedules(this IServiceCollection services)
    {
        services.AddSingleton(_ => new HolidayCalendar());
        services.AddSingleton(sp => new ScheduleEvaluator(sp.GetRequiredService<HolidayCalendar>()));
        services.AddWritable<ScheduleResource, ScheduleData>();
        return services;
    }

    /// <summary>Schedules are read as part of the contacts that use them and written here.</summary>
    public static IEndpointRouteBuilder MapSchedules(this IEndpointRouteBuilder app)
    {
        app.MapWritable<ScheduleResource, ScheduleData>("/v1/schedules", "Schedules", "Schedule");
        app.MapHolidayRules();
        return app;
    }
}
