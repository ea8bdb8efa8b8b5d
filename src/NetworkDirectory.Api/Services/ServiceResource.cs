using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Taxonomies;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Services;

/// <summary>
/// Who may change a service: a caller whose scope holds the agency's seat and every region the
/// coverage reaches: its keys, the Länder of its custom regions, and the regions its polygon reaches into.
/// </summary>
public sealed class ServiceResource(PolygonReach polygonReach) : WritableResource<ServiceData>
{
    public override string EntityType => "service";
    public override string GetRouteName => "GetService";
    public override string NewId(ServiceData data) => Ids.New("svc", $"{data.AgencyId}-{data.Responsibility}");

    public override async Task<Stored<ServiceData>?> LoadAsync(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ServiceRow>(
            $"SELECT {ServiceRow.Columns} FROM services s WHERE s.id = @id", new { id }, transaction);
        if (row is null)
        {
            return null;
        }
        var forms = (await connection.QueryAsync<string>("SELECT form_code FROM service_exploitation_forms WHERE service_id = @id ORDER BY form_code", new { id }, transaction)).ToList();
        var keys = (await connection.QueryAsync<string>("SELECT region_key FROM service_coverage WHERE service_id = @id AND region_key IS NOT NULL ORDER BY region_key", new { id }, transaction)).ToList();
        var custom = (await connection.QueryAsync<string>("SELECT custom_region_key FROM service_coverage WHERE service_id = @id AND custom_region_key IS NOT NULL ORDER BY custom_region_key", new { id }, transaction)).ToList();
        var data = new ServiceData(
            row.AgencyId, row.ResponsibilityCode, row.AllExploitationForms ? [] : forms,
            new TargetGroupData(row.MinAge, row.MaxAge, row.MinorsOnly, row.UnaccompaniedOnly),
            new CoverageData(keys, custom), row.CoverageGeojson is null ? null : JsonNode.Parse(row.CoverageGeojson), row.Priority, row.Notes);
        return new Stored<ServiceData>(data, row.Version, await RegionsAsync(connection, transaction, data));
    }

    public override async Task<ServiceData> ValidateAsync(SqliteConnection connection, SqliteTransaction transaction, ServiceData data, string? id, ValidationErrors errors)
    {
        if (data.AgencyId is null || !await WriteChecks.ExistsAsync(connection, transaction, "agencies", data.AgencyId))
        {
            errors.Add("agencyId", data.AgencyId is null ? "agencyId is required." : $"agencyId: no agency '{data.AgencyId}' exists.");
        }
        if (data.Responsibility is null || !await Taxonomy.Responsibilities.ContainsAsync(connection, data.Responsibility, transaction))
        {
            errors.Add("responsibility", data.Responsibility is null ? "responsibility is required (see /v1/taxonomies)." : Taxonomy.Responsibilities.Unknown(data.Responsibility));
        }
        foreach (var (form, i) in (data.ExploitationForms ?? []).Select((f, i) => (f, i)))
        {
            if (!await Taxonomy.ExploitationForms.ContainsAsync(connection, form, transaction))
            {
                errors.Add($"exploitationForms[{i}]", Taxonomy.ExploitationForms.Unknown(form));
            }
        }
        var target = data.TargetGroup ?? new TargetGroupData(null, null, false, false);
        if (target.MinAge is < 0 or > 120) errors.Add("targetGroup.minAge", "targetGroup.minAge must be between 0 and 120.");
        if (target.MaxAge is < 0 or > 120) errors.Add("targetGroup.maxAge", "targetGroup.maxAge must be between 0 and 120.");
        if (target is { MinAge: { } min, MaxAge: { } max } && min > max) errors.Add("targetGroup.maxAge", $"targetGroup.maxAge ({max}) is below minAge ({min}).");
        if (target is { MinorsOnly: true, MinAge: >= 18 }) errors.Add("targetGroup.minorsOnly", "A service for minors only cannot start at age 18 or more.");
        if (data.Priority is < 0 or > 1000) errors.Add("priority", "priority must be between 0 and 1000.");
        errors.MaxLength("notes", data.Notes, 2000);

        var keys = (data.Coverage?.RegionKeys ?? []).Select(WriteChecks.Normalized).OfType<string>().Distinct().ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            await WriteChecks.ExistingRegionAsync(connection, transaction, $"coverage.regionKeys[{i}]", keys[i], errors, required: true);
        }
        var custom = (data.Coverage?.CustomRegions ?? []).Distinct().ToList();
        foreach (var (key, i) in custom.Select((k, i) => (k, i)))
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM custom_regions WHERE key = @key", new { key }, transaction) == 0)
            {
                errors.Add($"coverage.customRegions[{i}]", $"coverage.customRegions[{i}]: no custom region '{key}' exists.");
            }
        }
        if (data.CoveragePolygon is not null && !CoveragePolygon.TryRead(data.CoveragePolygon.ToJsonString(), out _, out var polygonError))
        {
            errors.Add("coveragePolygon", $"coveragePolygon {polygonError}");
        }
        if (keys.Count == 0 && custom.Count == 0 && data.CoveragePolygon is null)
        {
            errors.Add("coverage", "Give at least one coverage: coverage.regionKeys, coverage.customRegions or coveragePolygon.");
        }
        return data with
        {
            ExploitationForms = (data.ExploitationForms ?? []).Distinct().Order(StringComparer.Ordinal).ToList(),
            TargetGroup = target with { MinorsOnly = target.MinorsOnly ?? false, UnaccompaniedOnly = target.UnaccompaniedOnly ?? false },
            Coverage = new CoverageData(keys.Order(StringComparer.Ordinal).ToList(), custom.Order(StringComparer.Ordinal).ToList()),
            Priority = data.Priority ?? 100,
        };
    }

    /// <summary>The agency's seat, every coverage key, the Land of every custom region, and what the polygon reaches into.</summary>
    public override async Task<IReadOnlyList<string>> RegionsAsync(SqliteConnection connection, SqliteTransaction transaction, ServiceData data)
    {
        var seat = await connection.QuerySingleOrDefaultAsync<string>("SELECT region_key FROM agencies WHERE id = @AgencyId", new { data.AgencyId }, transaction);
        var customLands = await connection.QueryAsync<string>("SELECT land_key FROM custom_regions WHERE key IN @keys", new { keys = data.Coverage?.CustomRegions ?? [] }, transaction);
        var polygonRegions = data.CoveragePolygon is { } polygon && CoveragePolygon.TryRead(polygon.ToJsonString(), out var geometry, out _)
            ? await polygonReach.RegionsAsync(connection, transaction, geometry!)
            : [];
        return new[] { seat }.OfType<string>().Concat(data.Coverage?.RegionKeys ?? []).Concat(customLands).Concat(polygonRegions).Distinct().ToList();
    }

    public override async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string id, ServiceData data, string now)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO services (id, agency_id, responsibility_code, all_exploitation_forms, min_age, max_age, minors_only, unaccompanied_only,
                                  priority, coverage_geojson, notes, version, updated_at)
            VALUES (@id, @AgencyId, @Responsibility, @AllForms, @MinAge, @MaxAge, @MinorsOnly, @UnaccompaniedOnly, @Priority, @Polygon, @Notes, 1, @now)
            """, Parameters(id, data, now, 0), transaction);
        await SaveChildrenAsync(connection, transaction, id, data);
    }

    public override async Task<bool> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, string id, ServiceData data, int version, string now)
    {
        var changed = await connection.ExecuteAsync(
            """
            UPDATE services SET agency_id = @AgencyId, responsibility_code = @Responsibility, all_exploitation_forms = @AllForms,
                   min_age = @MinAge, max_age = @MaxAge, minors_only = @MinorsOnly, unaccompanied_only = @UnaccompaniedOnly,
                   priority = @Priority, coverage_geojson = @Polygon, notes = @Notes, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """, Parameters(id, data, now, version), transaction);
        if (changed == 1)
        {
            await SaveChildrenAsync(connection, transaction, id, data);
        }
        return changed == 1;
    }

    public override DirectoryChange Changes(string id, ServiceData? before, ServiceData? after) =>
        DirectoryChange.OfAgencies(before?.AgencyId, after?.AgencyId);

    public override Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        connection.ExecuteAsync("DELETE FROM services WHERE id = @id", new { id }, transaction);

    private static async Task SaveChildrenAsync(SqliteConnection connection, SqliteTransaction transaction, string id, ServiceData data)
    {
        await connection.ExecuteAsync("DELETE FROM service_exploitation_forms WHERE service_id = @id; DELETE FROM service_coverage WHERE service_id = @id", new { id }, transaction);
        await connection.ExecuteAsync("INSERT INTO service_exploitation_forms (service_id, form_code) VALUES (@id, @form)",
            (data.ExploitationForms ?? []).Select(form => new { id, form }), transaction);
        await connection.ExecuteAsync("INSERT INTO service_coverage (service_id, region_key) VALUES (@id, @key)",
            (data.Coverage?.RegionKeys ?? []).Select(key => new { id, key }), transaction);
        await connection.ExecuteAsync("INSERT INTO service_coverage (service_id, custom_region_key) VALUES (@id, @key)",
            (data.Coverage?.CustomRegions ?? []).Select(key => new { id, key }), transaction);
    }

    private static object Parameters(string id, ServiceData d, string now, int version) => new
    {
        id, now, version, d.AgencyId, d.Responsibility, AllForms = (d.ExploitationForms ?? []).Count == 0,
        d.TargetGroup?.MinAge, d.TargetGroup?.MaxAge, MinorsOnly = d.TargetGroup?.MinorsOnly ?? false,
        UnaccompaniedOnly = d.TargetGroup?.UnaccompaniedOnly ?? false, d.Priority, Polygon = d.CoveragePolygon?.ToJsonString(), d.Notes,
    };
}
