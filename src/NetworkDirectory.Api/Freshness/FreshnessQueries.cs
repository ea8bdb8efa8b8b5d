using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Freshness;

internal static class FreshnessQueries
{
    // A network overlaps the region when one of its area keys contains the region or lies inside it.
    private const string OverlappingNetworks = """
        SELECT n.id, n.name FROM networks n
        WHERE EXISTS (SELECT 1 FROM network_regions nr WHERE nr.network_id = n.id
            AND (@key = 'DE' OR nr.region_key = 'DE'
                 OR substr(nr.region_key, 1, length(@key)) = @key
                 OR substr(@key, 1, length(nr.region_key)) = nr.region_key))
        """;

    private const string AgencyColumns =
        "a.id AS Id, a.name AS Name, a.last_verified_on AS LastVerifiedOn, (SELECT count(*) FROM contacts c WHERE c.agency_id = a.id) AS ContactCount";

    public static async Task<IReadOnlyList<(string Id, string Name, IReadOnlyList<AgencyFreshness> Members)>> NetworksAsync(
        SqliteConnection connection, string key)
    {
        var networks = (await connection.QueryAsync<(string Id, string Name)>($"{OverlappingNetworks} ORDER BY n.name, n.id", new { key })).ToList();
        var members = await connection.QueryAsync<MemberRow>(
            $"""
            WITH overlapping AS ({OverlappingNetworks})
            SELECT nm.network_id AS NetworkId, {AgencyColumns}
            FROM network_members nm JOIN overlapping o ON o.id = nm.network_id JOIN agencies a ON a.id = nm.agency_id
            """, new { key });
        var byNetwork = members.ToLookup(m => m.NetworkId, m => m.ToFreshness());
        return networks.Select(n => (n.Id, n.Name, (IReadOnlyList<AgencyFreshness>)byNetwork[n.Id].ToList())).ToList();
    }

    /// <summary>Agencies seated in the region (region_key starts with its key) that belong to no network at all.</summary>
    public static async Task<IReadOnlyList<AgencyFreshness>> AgenciesInNoNetworkAsync(SqliteConnection connection, string key)
    {
        var rows = await connection.QueryAsync<MemberRow>(
            $"""
            SELECT '' AS NetworkId, {AgencyColumns} FROM agencies a
            WHERE (@key = 'DE' OR substr(a.region_key, 1, length(@key)) = @key)
              AND NOT EXISTS (SELECT 1 FROM network_members nm WHERE nm.agency_id = a.id)
            """, new { key });
        return rows.Select(r => r.ToFreshness()).ToList();
    }

    /// <summary>
    /// Kreise of the region lacking a service for a core (acute) responsibility. A Kreis is covered when a
    /// service's coverage key (or a member key of its custom region) is the Kreis, one of its Gemeinden, its
    /// Regierungsbezirk (3-digit prefix), its Land (2-digit prefix) or 'DE'. Polygon-only coverage is not seen.
    /// </summary>
    public static async Task<IReadOnlyList<CoverageGap>> GapsAsync(SqliteConnection connection, string key)
    {
        var rows = await connection.QueryAsync<(string KreisKey, string KreisName, string Code)>(
            """
            WITH kreise AS (
                SELECT key, name FROM regions WHERE level = 'kreis' AND (@key = 'DE' OR substr(key, 1, length(@key)) = @key)),
            core AS (SELECT code, sort_order FROM responsibilities WHERE acute = 1),
            covered AS (
                SELECT s.responsibility_code AS code, sc.region_key AS key
                FROM services s JOIN service_coverage sc ON sc.service_id = s.id WHERE sc.region_key IS NOT NULL
                UNION
                SELECT s.responsibility_code, m.region_key
                FROM services s JOIN service_coverage sc ON sc.service_id = s.id
                JOIN custom_region_members m ON m.custom_region_key = sc.custom_region_key)
            SELECT k.key, k.name, core.code FROM kreise k CROSS JOIN core
            WHERE NOT EXISTS (SELECT 1 FROM covered c WHERE c.code = core.code
                AND (c.key = 'DE' OR c.key = substr(k.key, 1, 2) OR c.key = substr(k.key, 1, 3) OR substr(c.key, 1, 5) = k.key))
            ORDER BY k.key, core.sort_order, core.code
            """, new { key });
        return rows.GroupBy(r => (r.KreisKey, r.KreisName))
            .Select(g => new CoverageGap(g.Key.KreisKey, g.Key.KreisName, g.Select(r => r.Code).ToList()))
            .ToList();
    }

    private sealed class MemberRow
    {
        public string NetworkId { get; init; } = "";
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? LastVerifiedOn { get; init; }
        public int ContactCount { get; init; }

        public AgencyFreshness ToFreshness() => new(Id, Name, Dates.ParseOrNull(LastVerifiedOn), ContactCount);
    }
}
