namespace NetworkDirectory.Api.Schedules;

public static class ScheduleSetup
{
    /// <summary>The holiday calendar and evaluator are stateless apart from a thread-safe cache: singletons.</summary>
    public static IServiceCollection AddSchedules(this IServiceCollection services)
    {
        services.AddSingleton<HolidayCalendar>();
        services.AddSingleton(sp => new ScheduleEvaluator(sp.GetRequiredService<HolidayCalendar>()));
        return services;
    }
}
