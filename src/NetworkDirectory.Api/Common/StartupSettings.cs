using Microsoft.Extensions.Options;

namespace NetworkDirectory.Api.Common;

/// <summary>The settings registered with ValidateOnStart, checked before any start-up work.</summary>
public static class StartupSettings
{
    /// <summary>One line per failed setting, naming it and the fix; empty when all are valid.</summary>
    public static IReadOnlyList<string> Problems(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return [.. ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
    }

    /// <summary>Writes the problems to <paramref name="error"/> (not a stack trace); false when there were any.</summary>
    public static bool AreValid(IServiceProvider services, TextWriter error)
    {
        var problems = Problems(services);
        foreach (var problem in problems)
        {
            error.WriteLine(problem);
        }
        return problems.Count == 0;
    }
}
