using System.ComponentModel;
using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Audit;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Schedules;

/// <summary>The list of a Gemeinde holiday rule, as an admin sends it (a JSON file: curl --data @list.json).</summary>
/// <param name="DefaultHoliday">What a key without an entry assumes: true counts it as a holiday (the office shown closed, the on-call duty answering).</param>
/// <param name="Entries">The whole new list; it replaces the old one.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record HolidayRuleListData(bool? DefaultHoliday, IReadOnlyList<HolidayRuleEntryData>? Entries);

/// <param name="KeyPrefix">An official key or its start (2–8 digits, in the rule's Land): '091' all of Oberbayern, '09564' Nürnberg, '14625080' Crostwitz.</param>
/// <param name="Holiday">true: a holiday there; false: a working day there.</param>
/// <param name="Source">Where the entry comes from and how sure it is.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record HolidayRuleEntryData(string? KeyPrefix, bool? Holiday, string? Source);

/// <summary>A Gemeinde holiday rule with its list.</summary>
/// <param name="DateRule">'MM-DD', or 'easter+N' (days after Easter Sunday).</param>
public sealed record HolidayRuleResponse(
    string Code, string Name, string LandKey, string DateRule, string AppliesWhere, bool DefaultHoliday, IReadOnlyList<HolidayRuleEntry> Entries)
{
    public static HolidayRuleResponse From(HolidayRule r) => new(r.Code, r.Name, r.LandKey, r.DateRule, r.AppliesWhere, r.DefaultHoliday, r.Entries);
}

public static class HolidayRuleEndpoints
{
    public static IEndpointRouteBuilder MapHolidayRules(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/admin/holiday-rules")
            .WithTags("Admin")
            .RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .MapPut("/{rule}", ReplaceHolidayRule)
            .WithName("ReplaceHolidayRule")
            .WithSummary("Replace the Gemeinde list of a holiday that holds only in some Gemeinden")
            .WithDescription("Rules: mariae-himmelfahrt-by, fronleichnam-sn, fronleichnam-th, friedensfest-augsburg. The longest matching keyPrefix decides; "
                + "a key no entry matches follows defaultHoliday, and lookups say so in their reason. Audited; lookups use the new list at once.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimitPolicies.Writes);
        return app;
    }

    public static async Task<Results<Ok<HolidayRuleResponse>, ValidationProblem, ProblemHttpResult>> ReplaceHolidayRule(
        [Description("The rule's code, e.g. mariae-himmelfahrt-by.")] string rule, HolidayRuleListData list, ClaimsPrincipal user,
        SqliteConnectionFactory connections, IDirectoryChanges directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var before = (await HolidayRuleQueries.LoadAsync(connection, transaction, cancellationToken)).All.FirstOrDefault(r => r.Code == rule);
        if (before is null)
        {
            return ProblemSetup.NotFound("Holiday rule", rule);
        }
        var (entries, errors) = Validate(before, list);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var after = before with { DefaultHoliday = list.DefaultHoliday ?? before.DefaultHoliday, Entries = entries };
        await HolidayRuleQueries.ReplaceAsync(connection, transaction, rule, after.DefaultHoliday, entries);
        var caller = Caller.From(user);
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            $"{caller.Name} ({caller.Role})", "replace", "holiday_rule", rule, before.LandKey,
            HolidayRuleQueries.ToJson(before), HolidayRuleQueries.ToJson(after), Activity.Current?.Id, clock.GetUtcNow()));
        await transaction.CommitAsync(cancellationToken);
        // The rules are read with the directory: the next lookup answers with the new list.
        await directory.ReloadAsync(CancellationToken.None);
        return TypedResults.Ok(HolidayRuleResponse.From(after));
    }

    private static (List<HolidayRuleEntry> Entries, Dictionary<string, string[]> Errors) Validate(HolidayRule rule, HolidayRuleListData list)
    {
        var errors = new Dictionary<string, string[]>();
        var entries = new List<HolidayRuleEntry>();
        if (list.Entries is null)
        {
            errors["entries"] = ["entries: give the whole list (an empty list leaves every key to defaultHoliday)."];
            return (entries, errors);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Entries.Count; i++)
        {
            var entry = list.Entries[i];
            var field = $"entries[{i}]";
            if (entry.KeyPrefix is not { Length: >= 2 and <= 8 } prefix || !prefix.All(char.IsAsciiDigit) || !prefix.StartsWith(rule.LandKey, StringComparison.Ordinal))
            {
                errors[field + ".keyPrefix"] = [$"keyPrefix: '{entry.KeyPrefix}' is not 2–8 digits of an official key in Land {rule.LandKey}."];
            }
            else if (!seen.Add(prefix))
            {
                errors[field + ".keyPrefix"] = [$"keyPrefix: '{prefix}' is listed twice."];
            }
            if (entry.Holiday is null)
            {
                errors[field + ".holiday"] = ["holiday: say true (a holiday there) or false (a working day there)."];
            }
            if (string.IsNullOrWhiteSpace(entry.Source))
            {
                errors[field + ".source"] = ["source: say where the entry comes from and how sure it is."];
            }
            if (entry is { KeyPrefix: { } key, Holiday: { } holiday, Source: { } source })
            {
                entries.Add(new HolidayRuleEntry(key, holiday, source.Trim()));
            }
        }
        return (entries, errors);
    }
}
