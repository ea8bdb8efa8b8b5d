using System.Collections.Frozen;
using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Agencies;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Lookup;

/// <summary>Reads the whole directory (without boundary geometry) into a <see cref="DirectorySnapshot"/>.</summary>
internal static class DirectorySnapshotLoader
{
    public static async Task<DirectorySnapshot> LoadAsync(
        SqliteConnection connection, Func<string, ICoverageArea?> parseArea, ILogger logger, CancellationToken cancellationToken = default)
    {
        var regions = (await connection.QueryAsync<RegionRow>(
            "SELECT key, level, name, designation, parent_key, boundary_date FROM regions"))
            .ToFrozenDictionary(r => r.Key, r => new SnapshotRegion(r.Key, r.Level, r.Name, r.Designation, r.ParentKey, Dates.ParseOrNull(r.BoundaryDate)));
        var responsibilities = (await connection.QueryAsync<ResponsibilityRow>(
            "SELECT code, label_de, label_en, acute, sort_order FROM responsibilities"))
            .ToFrozenDictionary(r => r.Code, r => new SnapshotResponsibility(r.Code, r.LabelDe, r.LabelEn, r.Acute, r.SortOrder));
        var forms = (await connection.QueryAsync<string>("SELECT code FROM exploitation_forms")).ToFrozenSet();
        var schedules = (await ScheduleRepository.LoadAllAsync(connection, cancellationToken)).ToFrozenDictionary();

        var agencyLanguages = (await connection.QueryAsync<KeyValue>("SELECT agency_id AS Key, language AS Value FROM agency_languages ORDER BY language"))
            .ToLookup(kv => kv.Key, kv => kv.Value);
        var contactLanguages = (await connection.QueryAsync<KeyValue>("SELECT contact_id AS Key, language AS Value FROM contact_languages ORDER BY language"))
            .ToLookup(kv => kv.Key, kv => kv.Value);
        var contacts = (await connection.QueryAsync<ContactRow>(
            "SELECT id, agency_id, service_id, kind_code, channel_code, value, label, visibility, schedule_id, sample FROM contacts ORDER BY sort_order, id"))
            .ToLookup(c => c.AgencyId, c => new SnapshotContact(
                c.Id, c.ServiceId, c.KindCode, c.ChannelCode, c.Value, c.Label, contactLanguages[c.Id].ToList(), c.Visibility, c.ScheduleId, c.Sample));
        var agencies = (await connection.QueryAsync<AgencyRow>("SELECT id, name, kind_code, region_key, city, website, sample FROM agencies"))
            .ToFrozenDictionary(a => a.Id, a => new SnapshotAgency(
                a.Id, a.Name, a.KindCode, a.RegionKey, a.City, a.Website, a.Sample, agencyLanguages[a.Id].ToList(), contacts[a.Id].ToList()));

        var serviceForms = (await connection.QueryAsync<KeyValue>("SELECT service_id AS Key, form_code AS Value FROM service_exploitation_forms"))
            .ToLookup(kv => kv.Key, kv => kv.Value);
        var services = new Dictionary<string, SnapshotService>();
        foreach (var row in await connection.QueryAsync<ServiceRow>(
                     """
                     SELECT id, agency_id, responsibility_code, all_exploitation_forms, min_age, max_age, minors_only,
                            unaccompanied_only, priority, coverage_geojson
                     FROM services
                     """))
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

        var coverage = await connection.QueryAsync<CoverageRow>(
            """
            SELECT sc.service_id, coalesce(sc.region_key, m.region_key) AS region_key, sc.custom_region_key, cr.name AS custom_region_name
            FROM service_coverage sc
            LEFT JOIN custom_region_members m ON m.custom_region_key = sc.custom_region_key
            LEFT JOIN custom_regions cr ON cr.key = sc.custom_region_key
            WHERE coalesce(sc.region_key, m.region_key) IS NOT NULL
            """);
        var byRegion = coverage
            .Where(c => services.ContainsKey(c.ServiceId))
            .GroupBy(c => c.RegionKey)
            .ToFrozenDictionary(
                g => g.Key,
                g => (IReadOnlyList<CoverageEntry>)g.Select(c => new CoverageEntry(services[c.ServiceId], c.RegionKey, c.CustomRegionKey, c.CustomRegionName)).ToList());

        return new DirectorySnapshot
        {
            Agencies = agencies,
            CoverageByRegion = byRegion,
            PolygonServices = services.Values.Where(s => s.Polygon is not null).ToList(),
            Responsibilities = responsibilities,
            Schedules = schedules,
            Regions = regions,
            ExploitationForms = forms,
        };
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

    private sealed class ContactRow
    {
        public string Id { get; init; } = "";
        public string AgencyId { get; init; } = "";
        public string? ServiceId { get; init; }
        public string KindCode { get; init; } = "";
        public string ChannelCode { get; init; } = "";
        public string Value { get; init; } = "";
        public string? Label { get; init; }
        public string Visibility { get; init; } = "";
        public string? ScheduleId { get; init; }
        public bool Sample { get; init; }
    }

    private sealed class AgencyRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string KindCode { get; init; } = "";
        public string RegionKey { get; init; } = "";
        public string? City { get; init; }
        public string? Website { get; init; }
        public bool Sample { get; init; }
    }

    private sealed class ServiceRow
    {
        public string Id { get; init; } = "";
        public string AgencyId { get; init; } = "";
        public string ResponsibilityCode { get; init; } = "";
        public bool AllExploitationForms { get; init; }
        public int? MinAge { get; init; }
        public int? MaxAge { get; init; }
        public bool MinorsOnly { get; init; }
        public bool UnaccompaniedOnly { get; init; }
        public int Priority { get; init; }
        public string? CoverageGeojson { get; init; }
    }

    private sealed class CoverageRow
    {
        public string ServiceId { get; init; } = "";
        public string RegionKey { get; init; } = "";
        public string? CustomRegionKey { get; init; }
        public string? CustomRegionName { get; init; }
    }
}
