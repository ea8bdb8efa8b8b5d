using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Taxonomies;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Networks;

/// <summary>Cooperation instruments belong to a network: whoever may change the network may change them.</summary>
public sealed class InstrumentResource : WritableResource<InstrumentData>
{
    private static readonly string[] TargetGroups = ["minors", "adults", "both"];

    public override string EntityType => "instrument";
    public override string GetRouteName => "GetInstrument";
    public override string NewId(InstrumentData data) => Ids.New("inst", data.Title);

    public override async Task<Stored<InstrumentData>?> LoadAsync(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            "SELECT network_id, type_code, title, binding, published, signed_on, url, target_group, all_exploitation_forms, version FROM instruments WHERE id = @id",
            new { id }, transaction);
        if (row is null)
        {
            return null;
        }
        var forms = (await connection.QueryAsync<string>("SELECT form_code FROM instrument_exploitation_forms WHERE instrument_id = @id ORDER BY form_code", new { id }, transaction)).ToList();
        var data = new InstrumentData(row.NetworkId, row.TypeCode, row.Title, row.Binding, row.Published, Dates.ParseOrNull(row.SignedOn), row.Url,
            row.TargetGroup, row.AllExploitationForms ? [] : forms);
        return new Stored<InstrumentData>(data, row.Version, await RegionsAsync(connection, transaction, data));
    }

    public override async Task<InstrumentData> ValidateAsync(SqliteConnection connection, SqliteTransaction transaction, InstrumentData data, string? id, ValidationErrors errors)
    {
        if (data.NetworkId is null || !await WriteChecks.ExistsAsync(connection, transaction, "networks", data.NetworkId))
        {
            errors.Add("networkId", data.NetworkId is null ? "networkId is required." : $"networkId: no network '{data.NetworkId}' exists.");
        }
        if (data.Type is null || !await Taxonomy.InstrumentTypes.ContainsAsync(connection, data.Type, transaction))
        {
            errors.Add("type", Taxonomy.InstrumentTypes.Unknown(data.Type ?? ""));
        }
        errors.Required("title", data.Title, 300);
        if (data.TargetGroup is null || !TargetGroups.Contains(data.TargetGroup))
        {
            errors.Add("targetGroup", $"targetGroup must be one of: {string.Join(", ", TargetGroups)}.");
        }
        errors.HttpsUrl("url", data.Url);
        if (data.Url is not null && data.Published != true)
        {
            errors.Add("url", "An unpublished instrument has no public URL: set published to true or leave url empty.");
        }
        foreach (var (form, i) in (data.ExploitationForms ?? []).Select((f, i) => (f, i)))
        {
            if (!await Taxonomy.ExploitationForms.ContainsAsync(connection, form, transaction))
            {
                errors.Add($"exploitationForms[{i}]", Taxonomy.ExploitationForms.Unknown(form));
            }
        }
        return data with
        {
            Title = data.Title?.Trim(), Binding = data.Binding ?? false, Published = data.Published ?? false,
            ExploitationForms = (data.ExploitationForms ?? []).Distinct().Order(StringComparer.Ordinal).ToList(),
        };
    }

    public override async Task<IReadOnlyList<string>> RegionsAsync(SqliteConnection connection, SqliteTransaction transaction, InstrumentData data) =>
        (await connection.QueryAsync<string>("SELECT region_key FROM network_regions WHERE network_id = @NetworkId", new { data.NetworkId }, transaction)).ToList();

    public override async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string id, InstrumentData data, string now)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO instruments (id, network_id, type_code, title, binding, published, signed_on, url, target_group, all_exploitation_forms, sample, version, updated_at)
            VALUES (@id, @NetworkId, @Type, @Title, @Binding, @Published, @SignedOn, @Url, @TargetGroup, @AllForms, 0, 1, @now)
            """, Parameters(id, data, now, 0), transaction);
        await SaveFormsAsync(connection, transaction, id, data);
    }

    public override async Task<bool> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, string id, InstrumentData data, int version, string now)
    {
        var changed = await connection.ExecuteAsync(
            """
            UPDATE instruments SET network_id = @NetworkId, type_code = @Type, title = @Title, binding = @Binding, published = @Published,
                   signed_on = @SignedOn, url = @Url, target_group = @TargetGroup, all_exploitation_forms = @AllForms,
                   version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """, Parameters(id, data, now, version), transaction);
        if (changed == 1)
        {
            await SaveFormsAsync(connection, transaction, id, data);
        }
        return changed == 1;
    }

    /// <summary>Networks and instruments are not part of the lookup.</summary>
    public override DirectoryChange Changes(string id, InstrumentData? before, InstrumentData? after) => DirectoryChange.None;

    public override Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        connection.ExecuteAsync("DELETE FROM instruments WHERE id = @id", new { id }, transaction);

    private static async Task SaveFormsAsync(SqliteConnection connection, SqliteTransaction transaction, string id, InstrumentData data)
    {
        await connection.ExecuteAsync("DELETE FROM instrument_exploitation_forms WHERE instrument_id = @id", new { id }, transaction);
        await connection.ExecuteAsync("INSERT INTO instrument_exploitation_forms (instrument_id, form_code) VALUES (@id, @form)",
            (data.ExploitationForms ?? []).Select(form => new { id, form }), transaction);
    }

    private static object Parameters(string id, InstrumentData d, string now, int version) => new
    {
        id, now, version, d.NetworkId, d.Type, d.Title, d.Binding, d.Published,
        SignedOn = Dates.FormatOrNull(d.SignedOn), d.Url, d.TargetGroup,
        AllForms = (d.ExploitationForms ?? []).Count == 0,
    };

    private sealed class Row
    {
        public string NetworkId { get; init; } = "";
        public string TypeCode { get; init; } = "";
        public string Title { get; init; } = "";
        public bool Binding { get; init; }
        public bool Published { get; init; }
        public string? SignedOn { get; init; }
        public string? Url { get; init; }
        public string TargetGroup { get; init; } = "";
        public bool AllExploitationForms { get; init; }
        public int Version { get; init; }
    }
}
