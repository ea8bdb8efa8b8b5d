using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;

namespace NetworkDirectory.Api.Schedules;

/// <summary>Reads and replaces the Gemeinde holiday rules (tables holiday_rules, holiday_rule_keys).</summary>
public static class HolidayRuleQueries
{
    private const string RulesSql = "SELECT code, name, land_key AS LandKey, date_rule AS DateRule, applies_where AS AppliesWhere, default_holiday AS DefaultHoliday FROM holiday_rules ORDER BY code";

    private const string KeysSql = "SELECT rule_code AS RuleCode, key_prefix AS KeyPrefix, holiday, source FROM holiday_rule_keys ORDER BY rule_code, key_prefix";

    public static async Task<HolidayRules> LoadAsync(SqliteConnection connection, SqliteTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        var keys = (await connection.QueryAsync<KeyRow>(new CommandDefinition(KeysSql, transaction: transaction, cancellationToken: cancellationToken)))
            .ToLookup(k => k.RuleCode, k => new HolidayRuleEntry(k.KeyPrefix, k.Holiday, k.Source), StringComparer.Ordinal);
        var rules = await connection.QueryAsync<RuleRow>(new CommandDefinition(RulesSql, transaction: transaction, cancellationToken: cancellationToken));
        return new HolidayRules(rules.Select(r => new HolidayRule(r.Code, r.Name, r.LandKey, r.DateRule, r.AppliesWhere, r.DefaultHoliday, keys[r.Code].ToList())).ToList());
    }

    /// <summary>Replaces a rule's default and entries inside the caller's transaction.</summary>
    public static async Task ReplaceAsync(SqliteConnection connection, SqliteTransaction transaction, string code, bool defaultHoliday, IReadOnlyList<HolidayRuleEntry> entries)
    {
        await connection.ExecuteAsync("UPDATE holiday_rules SET default_holiday = @defaultHoliday WHERE code = @code", new { code, defaultHoliday }, transaction);
        await connection.ExecuteAsync("DELETE FROM holiday_rule_keys WHERE rule_code = @code", new { code }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO holiday_rule_keys (rule_code, key_prefix, holiday, source) VALUES (@code, @KeyPrefix, @Holiday, @Source)",
            entries.Select(e => new { code, e.KeyPrefix, e.Holiday, e.Source }), transaction);
    }

    /// <summary>A rule as the audit and the admin answer show it.</summary>
    public static JsonNode ToJson(HolidayRule rule) => new JsonObject
    {
        ["code"] = rule.Code,
        ["name"] = rule.Name,
        ["landKey"] = rule.LandKey,
        ["defaultHoliday"] = rule.DefaultHoliday,
        ["entries"] = new JsonArray([.. rule.Entries.Select(e => (JsonNode)new JsonObject
        {
            ["keyPrefix"] = e.KeyPrefix, ["holiday"] = e.Holiday, ["source"] = e.Source,
        })]),
    };

    private sealed class RuleRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string LandKey { get; init; } = "";
        public string DateRule { get; init; } = "";
        public string AppliesWhere { get; init; } = "";
        public bool DefaultHoliday { get; init; }
    }

    private sealed class KeyRow
    {
        public string RuleCode { get; init; } = "";
        public string KeyPrefix { get; init; } = "";
        public bool Holiday { get; init; }
        public string Source { get; init; } = "";
    }
}
