using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Agencies;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Networks;

internal static class NetworkQueries
{
    private const string Columns = """
        n.id, n.name, n.scope, n.status, n.coordinating_agency_id, n.description, n.established_on, n.website, n.sample, n.version,
        (SELECT count(*) FROM network_members m WHERE m.network_id = n.id) AS member_count
        """;

    public const string WhereSql = """
        WHERE (@status IS NULL OR n.status = @status)
          AND (@scope IS NULL OR n.scope = @scope)
          AND (@region IS NULL OR EXISTS (
                SELECT 1 FROM network_regions r WHERE r.network_id = n.id
                AND (r.region_key IN @regionAncestors OR @region = 'DE' OR substr(r.region_key, 1, length(@region)) = @region)))
        """;

    public static async Task<(IReadOnlyList<NetworkSummary> Items, int Total)> ListAsync(
        SqliteConnection connection, string? status, string? scope, string? region, IReadOnlyList<string> regionAncestors, int limit, int offset)
    {
        var args = new { status, scope, region, regionAncestors, limit, offset };
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM networks n {WhereSql}", args);
        var rows = (await connection.QueryAsync<NetworkRow>(
            $"SELECT {Columns} FROM networks n {WhereSql} ORDER BY n.name COLLATE NOCASE, n.id LIMIT @limit OFFSET @offset", args)).ToList();
        var regions = await RegionsAsync(connection, rows.Select(r => r.Id).ToList());
        return (rows.Select(r => new NetworkSummary(
            r.Id, r.Name, r.Scope, r.Status, regions[r.Id].ToList(), r.CoordinatingAgencyId, r.MemberCount, r.Sample)).ToList(), total);
    }

    public static async Task<NetworkDetail?> GetAsync(SqliteConnection connection, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<NetworkRow>($"SELECT {Columns} FROM networks n WHERE n.id = @id", new { id });
        if (row is null)
        {
            return null;
        }

        var regions = (await RegionsAsync(connection, [id]))[id].ToList();
        var office = row.CoordinatingAgencyId is null
            ? null
            : (await AgencyQueries.ByIdsAsync(connection, [row.CoordinatingAgencyId])).SingleOrDefault();
        var members = (await connection.QueryAsync<MemberRow>(
            """
            SELECT a.id AS agency_id, a.name, a.kind_code, m.role_code, m.joined_on, a.sample
            FROM network_members m JOIN agencies a ON a.id = m.agency_id
            WHERE m.network_id = @id ORDER BY m.role_code = 'coordinator' DESC, a.name COLLATE NOCASE, a.id
            """, new { id }))
            .Select(m => new NetworkMember(m.AgencyId, m.Name, m.KindCode, m.RoleCode, Dates.ParseOrNull(m.JoinedOn), m.Sample))
            .ToList();
        var instruments = await InstrumentsAsync(connection, id);
        return new NetworkDetail(
            row.Id, row.Name, row.Scope, row.Status, regions, row.Description, Dates.ParseOrNull(row.EstablishedOn),
            row.Website, office, members, instruments, row.Sample, row.Version);
    }

    private static async Task<IReadOnlyList<InstrumentResponse>> InstrumentsAsync(SqliteConnection connection, string networkId)
    {
        var rows = (await connection.QueryAsync<InstrumentRow>(
            """
            SELECT id, type_code, title, binding, published, signed_on, url, target_group, all_exploitation_forms, sample
            FROM instruments WHERE network_id = @networkId ORDER BY signed_on IS NULL, signed_on, id
            """, new { networkId })).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var forms = (await connection.QueryAsync<KeyValue>(
            "SELECT instrument_id AS Key, form_code AS Value FROM instrument_exploitation_forms WHERE instrument_id IN @ids ORDER BY form_code",
            new { ids })).ToLookup(kv => kv.Key, kv => kv.Value);
        return rows.Select(r => new InstrumentResponse(
            r.Id, r.TypeCode, r.Title, r.Binding, r.Published, Dates.ParseOrNull(r.SignedOn), r.Url, r.TargetGroup,
            r.AllExploitationForms, r.AllExploitationForms ? [] : forms[r.Id].ToList(), r.Sample)).ToList();
    }

    private static async Task<ILookup<string, string>> RegionsAsync(SqliteConnection connection, IReadOnlyList<string> ids) =>
        (await connection.QueryAsync<KeyValue>(
            "SELECT network_id AS Key, region_key AS Value FROM network_regions WHERE network_id IN @ids ORDER BY region_key",
            new { ids })).ToLookup(kv => kv.Key, kv => kv.Value);
}
