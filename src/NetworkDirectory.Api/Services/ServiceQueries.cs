using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Services;

internal static class ServiceQueries
{
    public static async Task<IReadOnlyList<ServiceResponse>> ForAgencyAsync(SqliteConnection connection, string agencyId)
    {
        var services = (await connection.QueryAsync<ServiceRow>(
            $"""
            SELECT {ServiceRow.Columns}
            FROM services s WHERE s.agency_id = @agencyId ORDER BY s.responsibility_code, s.priority, s.id
            """, new { agencyId })).ToList();
        var ids = services.Select(s => s.Id).ToList();

        var forms = (await connection.QueryAsync<KeyValue>(
            "SELECT service_id AS Key, form_code AS Value FROM service_exploitation_forms WHERE service_id IN @ids ORDER BY form_code",
            new { ids })).ToLookup(kv => kv.Key, kv => kv.Value);
        var regionKeys = (await connection.QueryAsync<KeyValue>(
            "SELECT service_id AS Key, region_key AS Value FROM service_coverage WHERE service_id IN @ids AND region_key IS NOT NULL ORDER BY region_key",
            new { ids })).ToLookup(kv => kv.Key, kv => kv.Value);
        var customCoverage = (await connection.QueryAsync<KeyValue>(
            "SELECT service_id AS Key, custom_region_key AS Value FROM service_coverage WHERE service_id IN @ids AND custom_region_key IS NOT NULL ORDER BY custom_region_key",
            new { ids })).ToList();
        var customRegions = await CustomRegionsAsync(connection, customCoverage.Select(c => c.Value).Distinct().ToList());
        var customByService = customCoverage.ToLookup(c => c.Key, c => customRegions[c.Value]);

        return services.Select(s => new ServiceResponse(
            s.Id, s.ResponsibilityCode, s.AllExploitationForms,
            s.AllExploitationForms ? [] : forms[s.Id].ToList(),
            new TargetGroup(s.MinAge, s.MaxAge, s.MinorsOnly, s.UnaccompaniedOnly),
            new Coverage(regionKeys[s.Id].ToList(), customByService[s.Id].ToList(), s.CoverageGeojson is not null),
            s.Priority, s.Notes)).ToList();
    }

    private static async Task<IReadOnlyDictionary<string, CustomRegionRef>> CustomRegionsAsync(SqliteConnection connection, IReadOnlyList<string> keys)
    {
        var regions = await connection.QueryAsync<(string Key, string Name, string Kind)>(
            "SELECT key, name, kind FROM custom_regions WHERE key IN @keys", new { keys });
        var members = (await connection.QueryAsync<KeyValue>(
            "SELECT custom_region_key AS Key, region_key AS Value FROM custom_region_members WHERE custom_region_key IN @keys ORDER BY region_key",
            new { keys })).ToLookup(kv => kv.Key, kv => kv.Value);
        return regions.ToDictionary(r => r.Key, r => new CustomRegionRef(r.Key, r.Name, r.Kind, members[r.Key].ToList()));
    }
}
