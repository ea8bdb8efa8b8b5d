using System.Collections.Frozen;
using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Agencies;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Contacts;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Schedules;
using NetworkDirectory.Api.Services;

namespace NetworkDirectory.Api.Lookup;

/// <summary>
/// Reads the directory (without boundary geometry) into a <see cref="DirectorySnapshot"/>: the whole
/// of it at start and after a boundary import, one query per table; after a write only the changed
/// agencies and schedules, with the same queries narrowed to them, so that both give the same objects.
/// Each read runs in one read transaction, so it sees one committed state; a full read takes the
/// schedules on a second connection at the same time (at national size they are half of the work):
/// a write committed between the two reads is applied again after the reload, so nothing is lost.
/// </summary>
internal static class DirectorySnapshotLoader
{
    public static async Task<DirectorySnapshot> LoadAsync(
        SqliteConnectionFactory connections, Func<string, ICoverageArea?> parseArea, ILogger logger, CancellationToken cancellationToken = default)
    {
        var schedulesRead = Task.Run(async () =>
        {
            await using var scheduleConnection = await connections.OpenAsync(cancellationToken);
            await using var scheduleTransaction = scheduleConnection.BeginTransaction(deferred: true);
            return await ScheduleRepository.LoadAllAsync(scheduleConnection, cancellationToken, scheduleTransaction);
        }, cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var regions = (await connection.QueryAsync<RegionRow>(
            "SELECT key, level, name, designation, parent_key, boundary_date FROM regions", transaction: transaction))
            .ToFrozenDictionary(r => r.Key, r => new SnapshotRegion(r.Key, r.Level, r.Name, r.Designation, r.ParentKey, Dates.ParseOrNull(r.BoundaryDate)));
        var responsibilities = (await connection.QueryAsync<ResponsibilityRow>(
            "SELECT code, label_de, label_en, acute, sort_order FROM responsibilities", transaction: transaction))
            .ToFrozenDictionary(r => r.Code, r => new SnapshotResponsibility(r.Code, r.LabelDe, r.LabelEn, r.Acute, r.SortOrder));
        var forms = (await connection.QueryAsync<string>("SELECT code FROM exploitation_forms", transaction: transaction)).ToFrozenSet();
        var keyChanges = (await RegionKeyChanges.LoadAsync(connection, transaction)).ToFrozenDictionary(c => c.OldKey, StringComparer.Ordinal);
        var boundaryDates = (await connection.QueryAsync<(string Level, string Date)>(
                "SELECT level, max(boundary_date) FROM regions WHERE geometry IS NOT NULL AND boundary_date IS NOT NULL GROUP BY level", transaction: transaction))
            .ToFrozenDictionary(d => d.Level, d => Dates.Parse(d.Date), StringComparer.Ordinal);
        var agencies = await AgenciesAsync(connection, transaction, null, parseArea, logger);
        return DirectorySnapshot.Create(regions, responsibilities, forms, await schedulesRead, agencies, keyChanges, boundaryDates);
    }

    /// <summary>The snapshot with what <paramref name="change"/> names read again.</summary>
    public static async Task<DirectorySnapshot> ApplyAsync(
        DirectorySnapshot current, DirectoryChange change, SqliteConnection connection, Func<string, ICoverageArea?> parseArea, ILogger logger,
        CancellationToken cancellationToken = default)
    {
        await using var transaction = connection.BeginTransaction(deferred: true);
        var agencies = change.AgencyIds.Count == 0 ? [] : await AgenciesAsync(connection, transaction, change.AgencyIds, parseArea, logger);
        var schedules = change.ScheduleIds.Count == 0
            ? new Dictionary<string, Schedule>()
            : await ScheduleRepository.LoadAsync(connection, change.ScheduleIds, cancellationToken, transaction);
        return current.With(change, agencies, schedules);
    }

    /// <summary>Agencies with their contacts, services and coverage: all of them (<paramref name="ids"/> null) or those named.</summary>
    private static async Task<IReadOnlyList<SnapshotAgency>> AgenciesAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<string>? ids, Func<string, ICoverageArea?> parseArea, ILogger logger)
    {
        var args = new { ids };
        string Only(string column) => ids is null ? "" : $" WHERE {column} IN @ids";

        var agencyLanguages = (await connection.QueryAsync<KeyValue>(
                "SELECT agency_id AS Key, language AS Value FROM agency_languages" + Only("agency_id") + " ORDER BY language", args, transaction))
            .ToLookup(kv => kv.Key, kv => kv.Value);
        var contactLanguages = (await connection.QueryAsync<KeyValue>(
                "SELECT cl.contact_id AS Key, cl.language AS Value FROM contact_languages cl" +
                (ids is null ? "" : " JOIN contacts c ON c.id = cl.contact_id WHERE c.agency_id IN @ids") + " ORDER BY cl.language", args, transaction))
            .ToLookup(kv => kv.Key, kv => kv.Value);
        var contacts = (await connection.QueryAsync<ContactRow>(
                $"SELECT {ContactRow.Columns} FROM contacts c" + Only("c.agency_id") + " ORDER BY c.sort_order, c.id", args, transaction))
            .ToLookup(c => c.AgencyId, c => new SnapshotContact(
                c.Id, c.ServiceId, c.KindCode, c.ChannelCode, c.Value, c.Label, contactLanguages[c.Id].ToList(), c.Visibility, c.ScheduleId, c.Sample));

        var serviceForms = (await connection.QueryAsync<KeyValue>(
                "SELECT sf.service_id AS Key, sf.form_code AS Value FROM service_exploitation_forms sf" +
                (ids is null ? "" : " JOIN services s ON s.id = sf.service_id WHERE s.agency_id IN @ids"), args, transaction))
            .ToLookup(kv => kv.Key, kv => kv.Value);
        var services = new Dictionary<string, SnapshotService>(StringComparer.Ordinal);
        foreach (var row in await connection.QueryAsync<ServiceRow>(
                     $"SELECT {ServiceRow.Columns} FROM services s" + Only("s.agency_id"), args, transaction))
        {
            ICoverageArea? polygon = null;
            if (row.CoverageGeojson is not null && (polygon = parseArea(row.CoverageGeojson)) is null)
            {
                logger.LogWarning("Service {ServiceId}: coverage polygon is not valid GeoJSON and is ignored", row.Id);
            }
            services[row.Id] = new SnapshotService(
                row.Id, row.AgencyId, row.ResponsibilityCode, row.AllExploitationForms, serviceForms[row.Id].ToFrozenSet(),
                row.MinAge, row.MaxAge, row.MinorsOnly, row.UnaccompaniedOnly, row.Priority, polygon);
        }

        var coverage = (await connection.QueryAsync<CoverageRow>(
                """
                SELECT sc.service_id, coalesce(sc.region_key, m.region_key) AS region_key, sc.custom_region_key, cr.name AS custom_region_name
                FROM service_coverage sc
                LEFT JOIN custom_region_members m ON m.custom_region_key = sc.custom_region_key
                LEFT JOIN custom_regions cr ON cr.key = sc.custom_region_key
                WHERE coalesce(sc.region_key, m.region_key) IS NOT NULL
                """ + (ids is null ? "" : " AND sc.service_id IN (SELECT id FROM services WHERE agency_id IN @ids)"), args, transaction))
            .Where(c => services.ContainsKey(c.ServiceId))
            .Select(c => new CoverageEntry(services[c.ServiceId], c.RegionKey, c.CustomRegionKey, c.CustomRegionName))
            .ToLookup(c => c.Service.AgencyId, StringComparer.Ordinal);
        var servicesByAgency = services.Values.ToLookup(s => s.AgencyId, StringComparer.Ordinal);

        return (await connection.QueryAsync<AgencyRow>(
                $"SELECT {AgencyRow.Columns} FROM agencies a" + Only("a.id"), args, transaction))
            .Select(a => new SnapshotAgency(
                a.Id, a.Name, a.KindCode, a.RegionKey, a.City, a.Website, a.Sample, agencyLanguages[a.Id].ToList(), contacts[a.Id].ToList(),
                servicesByAgency[a.Id].ToList(), coverage[a.Id].ToList()))
            .ToList();
    }

    private sealed class RegionRow
    {
        public string Key { get; init; } = "";
        public string Level { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Designation { get; init; }
        public string? ParentKey { get; init; }
        public string? BoundaryDate { get; init; }
    }

    private sealed class ResponsibilityRow
    {
        public string Code { get; init; } = "";
        public string LabelDe { get; init; } = "";
        public string LabelEn { get; init; } = "";
        public bool Acute { get; init; }
        public int SortOrder { get; init; }
    }

    private sealed class CoverageRow
    {
        public string ServiceId { get; init; } = "";
        public string RegionKey { get; init; } = "";
        public string? CustomRegionKey { get; init; }
        public string? CustomRegionName { get; init; }
    }
}
