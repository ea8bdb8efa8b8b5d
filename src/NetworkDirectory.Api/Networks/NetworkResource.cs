using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Taxonomies;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Networks;

public sealed class NetworkResource : WritableResource<NetworkData>
{
    private static readonly string[] Scopes = ["land", "regional", "cross_land"];
    private static readonly string[] Statuses = ["planned", "active", "dormant"];

    public override string EntityType => "network";
    public override string GetRouteName => "GetNetwork";
    public override string NewId(NetworkData data) => Ids.New("net", data.Name);

    public override async Task<Stored<NetworkData>?> LoadAsync(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<NetworkRow>(
            "SELECT id, name, scope, status, coordinating_agency_id, description, established_on, website, sample, version, 0 AS member_count FROM networks WHERE id = @id",
            new { id }, transaction);
        if (row is null)
        {
            return null;
        }
        var regions = (await connection.QueryAsync<string>("SELECT region_key FROM network_regions WHERE network_id = @id ORDER BY region_key", new { id }, transaction)).ToList();
        var members = (await connection.QueryAsync<(string AgencyId, string Role, string? JoinedOn)>(
            "SELECT agency_id, role_code, joined_on FROM network_members WHERE network_id = @id ORDER BY agency_id", new { id }, transaction))
            .Select(m => new MemberData(m.AgencyId, m.Role, Dates.ParseOrNull(m.JoinedOn))).ToList();
        var data = new NetworkData(row.Name, row.Scope, row.Status, row.CoordinatingAgencyId, regions, members, row.Description,
            Dates.ParseOrNull(row.EstablishedOn), row.Website);
        return new Stored<NetworkData>(data, row.Version, regions);
    }

    public override async Task<NetworkData> ValidateAsync(SqliteConnection connection, SqliteTransaction transaction, NetworkData data, string? id, ValidationErrors errors)
    {
        errors.Required("name", data.Name, 200);
        if (data.Scope is null || !Scopes.Contains(data.Scope)) errors.Add("scope", $"scope must be one of: {string.Join(", ", Scopes)}.");
        if (data.Status is null || !Statuses.Contains(data.Status)) errors.Add("status", $"status must be one of: {string.Join(", ", Statuses)}.");
        if (data.CoordinatingAgencyId is { } coordinator && !await WriteChecks.ExistsAsync(connection, transaction, "agencies", coordinator))
        {
            errors.Add("coordinatingAgencyId", $"coordinatingAgencyId: no agency '{coordinator}' exists.");
        }
        var keys = (data.RegionKeys ?? []).Select(WriteChecks.Normalized).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        if (keys.Count == 0) errors.Add("regionKeys", "regionKeys must name the network's area (at least one official key).");
        for (var i = 0; i < keys.Count; i++)
        {
            await WriteChecks.ExistingRegionAsync(connection, transaction, $"regionKeys[{i}]", keys[i], errors, required: true);
        }
        var members = data.Members ?? [];
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].AgencyId is not { } agency || !await WriteChecks.ExistsAsync(connection, transaction, "agencies", agency))
            {
                errors.Add($"members[{i}].agencyId", $"members[{i}].agencyId: no agency '{members[i].AgencyId}' exists.");
            }
            if (members[i].Role is not { } role || !await Taxonomy.MemberRoles.ContainsAsync(connection, role, transaction))
            {
                errors.Add($"members[{i}].role", Taxonomy.MemberRoles.Unknown(members[i].Role ?? ""));
            }
        }
        if (members.GroupBy(m => m.AgencyId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add("members", $"members lists agency '{twice.Key}' more than once.");
        }
        errors.MaxLength("description", data.Description, 4000);
        errors.HttpsUrl("website", data.Website);
        return data with { Name = data.Name?.Trim(), RegionKeys = keys, Members = members.OrderBy(m => m.AgencyId, StringComparer.Ordinal).ToList() };
    }

    public override Task<IReadOnlyList<string>> RegionsAsync(SqliteConnection connection, SqliteTransaction transaction, NetworkData data) =>
        Task.FromResult<IReadOnlyList<string>>(data.RegionKeys ?? []);

    /// <summary>
    /// Members and the coordinating agency newly named (or whose role changed) with a seat beside the
    /// network's area: listing another Land's agency in one's network needs that Land's scope too.
    /// Removing a member needs only the network's scope.
    /// </summary>
    public override async Task<IReadOnlyList<string>> ReferencedRegionsAsync(SqliteConnection connection, SqliteTransaction transaction, NetworkData? before, NetworkData after)
    {
        var named = (after.Members ?? []).Where(m => !(before?.Members ?? []).Contains(m)).Select(m => m.AgencyId).ToList();
        if (after.CoordinatingAgencyId is { } coordinator && coordinator != before?.CoordinatingAgencyId)
        {
            named.Add(coordinator);
        }
        if (named.Count == 0)
        {
            return [];
        }
        var seats = await connection.QueryAsync<string>("SELECT region_key FROM agencies WHERE id IN @named", new { named }, transaction);
        return WriteChecks.Beside(seats, after.RegionKeys ?? []);
    }

    public override async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string id, NetworkData data, string now)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO networks (id, name, scope, status, coordinating_agency_id, description, established_on, website, sample, version, created_at, updated_at)
            VALUES (@id, @Name, @Scope, @Status, @CoordinatingAgencyId, @Description, @EstablishedOn, @Website, 0, 1, @now, @now)
            """, Parameters(id, data, now, 0), transaction);
        await SaveChildrenAsync(connection, transaction, id, data);
    }

    public override async Task<bool> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, string id, NetworkData data, int version, string now)
    {
        var changed = await connection.ExecuteAsync(
            """
            UPDATE networks SET name = @Name, scope = @Scope, status = @Status, coordinating_agency_id = @CoordinatingAgencyId,
                   description = @Description, established_on = @EstablishedOn, website = @Website, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """, Parameters(id, data, now, version), transaction);
        if (changed == 1)
        {
            await SaveChildrenAsync(connection, transaction, id, data);
        }
        return changed == 1;
    }

    /// <summary>Networks and instruments are not part of the lookup.</summary>
    public override DirectoryChange Changes(string id, NetworkData? before, NetworkData? after) => DirectoryChange.None;

    public override Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        connection.ExecuteAsync("DELETE FROM networks WHERE id = @id", new { id }, transaction);

    private static async Task SaveChildrenAsync(SqliteConnection connection, SqliteTransaction transaction, string id, NetworkData data)
    {
        await connection.ExecuteAsync("DELETE FROM network_regions WHERE network_id = @id; DELETE FROM network_members WHERE network_id = @id", new { id }, transaction);
        await connection.ExecuteAsync("INSERT INTO network_regions (network_id, region_key) VALUES (@id, @key)",
            (data.RegionKeys ?? []).Select(key => new { id, key }), transaction);
        await connection.ExecuteAsync("INSERT INTO network_members (network_id, agency_id, role_code, joined_on) VALUES (@id, @AgencyId, @Role, @JoinedOn)",
            (data.Members ?? []).Select(m => new { id, m.AgencyId, m.Role, JoinedOn = Dates.FormatOrNull(m.JoinedOn) }), transaction);
    }

    private static object Parameters(string id, NetworkData d, string now, int version) => new
    {
        id, now, version, d.Name, d.Scope, d.Status, d.CoordinatingAgencyId, d.Description,
        EstablishedOn = Dates.FormatOrNull(d.EstablishedOn), d.Website,
    };
}
