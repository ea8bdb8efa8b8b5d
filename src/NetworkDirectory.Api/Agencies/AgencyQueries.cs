using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Contacts;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Regions;
using NetworkDirectory.Api.Services;

namespace NetworkDirectory.Api.Agencies;

/// <summary>Reads agencies with what the caller may see (see <see cref="Caller.Visibilities"/>).</summary>
internal static class AgencyQueries
{
    public static async Task<(IReadOnlyList<AgencySummary> Items, int Total)> ListAsync(
        SqliteConnection connection, AgencyFilter filter, int limit, int offset, IReadOnlyList<string> visibilities)
    {
        var args = new
        {
            filter.Kind, filter.Responsibility, filter.ExploitationForm, filter.Region, filter.Language, filter.Query,
            QueryLike = filter.Query is null ? null : "%" + EscapeLike(filter.Query) + "%",
            RegionAncestors = filter.Region is null ? [] : RegionKey.SelfAndAncestors(filter.Region),
            FiltersServices = filter.FiltersServices,
            Visibilities = visibilities,
            limit, offset,
        };
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM agencies a {AgencyFilter.WhereSql}", args);
        var rows = (await connection.QueryAsync<AgencyRow>(
            $"SELECT {AgencyRow.Columns} FROM agencies a {AgencyFilter.WhereSql} ORDER BY a.name COLLATE NOCASE, a.id LIMIT @limit OFFSET @offset",
            args)).ToList();
        var languages = await LanguagesAsync(connection, rows.Select(r => r.Id).ToList());
        return (rows.Select(r => r.ToSummary(languages[r.Id].ToList())).ToList(), total);
    }

    public static async Task<IReadOnlyList<AgencySummary>> ByIdsAsync(SqliteConnection connection, IReadOnlyList<string> ids)
    {
        var rows = (await connection.QueryAsync<AgencyRow>(
            $"SELECT {AgencyRow.Columns} FROM agencies a WHERE a.id IN @ids ORDER BY a.name COLLATE NOCASE, a.id", new { ids })).ToList();
        var languages = await LanguagesAsync(connection, rows.Select(r => r.Id).ToList());
        return rows.Select(r => r.ToSummary(languages[r.Id].ToList())).ToList();
    }

    public static async Task<AgencyDetail?> GetAsync(SqliteConnection connection, string id, Caller caller)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AgencyRow>(
            $"SELECT {AgencyRow.Columns} FROM agencies a WHERE a.id = @id", new { id });
        if (row is null)
        {
            return null;
        }

        var languages = (await LanguagesAsync(connection, [id]))[id].ToList();
        var services = await ServiceQueries.ForAgencyAsync(connection, id);
        var contacts = await ContactQueries.ForAgencyAsync(connection, id, caller.Visibilities);
        var networks = (await connection.QueryAsync<AgencyNetworkMembership>(
            """
            SELECT n.id AS NetworkId, n.name AS NetworkName, m.role_code AS Role
            FROM network_members m JOIN networks n ON n.id = m.network_id
            WHERE m.agency_id = @id ORDER BY n.name, n.id
            """, new { id })).ToList();
        return row.ToDetail(languages, services, contacts, networks, caller.SeesInternalNotesOf(row.RegionKey) ? row.InternalNotes : null);
    }

    private static async Task<ILookup<string, string>> LanguagesAsync(SqliteConnection connection, IReadOnlyList<string> ids) =>
        (await connection.QueryAsync<KeyValue>(
            "SELECT agency_id AS Key, language AS Value FROM agency_languages WHERE agency_id IN @ids ORDER BY language",
            new { ids })).ToLookup(kv => kv.Key, kv => kv.Value);

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
