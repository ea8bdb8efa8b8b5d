using Dapper;
using Microsoft.Data.Sqlite;

namespace NetworkDirectory.Api.Reports;

public static class FieldReportQueries
{
    private const string From = "FROM field_reports r LEFT JOIN agencies a ON a.id = r.agency_id";

    public static Task<FieldReportRow?> GetAsync(SqliteConnection connection, string id, SqliteTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<FieldReportRow>($"SELECT {FieldReportRow.Columns} {From} WHERE r.id = @id", new { id }, transaction);

    /// <summary>Reports whose region starts with <paramref name="regionPrefix"/> (all when null), newest first; the caller filters by scope.</summary>
    public static async Task<IReadOnlyList<FieldReportRow>> ListAsync(SqliteConnection connection, string? regionPrefix, string? status) =>
        (await connection.QueryAsync<FieldReportRow>(
            $"""
            SELECT {FieldReportRow.Columns} {From}
            WHERE (@regionPrefix IS NULL OR substr(r.region_key, 1, length(@regionPrefix)) = @regionPrefix)
              AND (@status IS NULL OR r.status = @status)
            ORDER BY r.created_at DESC, r.id
            """, new { regionPrefix, status })).AsList();

    /// <summary>Open reports per agency, for the agencies given (the freshness report sums them per network).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> OpenByAgencyAsync(SqliteConnection connection, IEnumerable<string> agencyIds) =>
        (await connection.QueryAsync<(string AgencyId, int Count)>(
            "SELECT agency_id, count(*) FROM field_reports WHERE status = 'open' AND agency_id IN @ids GROUP BY agency_id",
            new { ids = agencyIds.Distinct().ToArray() }))
        .ToDictionary(r => r.AgencyId, r => r.Count, StringComparer.Ordinal);
}
