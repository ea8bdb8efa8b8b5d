using Dapper;
using Microsoft.Data.Sqlite;

namespace NetworkDirectory.Api.Taxonomies;

/// <summary>The taxonomy tables, and the one check every filter and write uses: is this code known?</summary>
public sealed record Taxonomy(string Table, string Parameter)
{
    public static readonly Taxonomy AgencyKinds = new("agency_kinds", "agency kind");
    public static readonly Taxonomy Responsibilities = new("responsibilities", "responsibility");
    public static readonly Taxonomy ExploitationForms = new("exploitation_forms", "exploitation form");
    public static readonly Taxonomy InstrumentTypes = new("instrument_types", "instrument type");
    public static readonly Taxonomy MemberRoles = new("member_roles", "member role");
    public static readonly Taxonomy ContactKinds = new("contact_kinds", "contact kind");
    public static readonly Taxonomy ContactChannels = new("contact_channels", "contact channel");

    public async Task<bool> ContainsAsync(SqliteConnection connection, string code, SqliteTransaction? transaction = null) =>
        await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {Table} WHERE code = @code", new { code }, transaction) == 1;

    public string Unknown(string code) =>
        $"'{code}' is not a known {Parameter} code. The codes are listed at /v1/taxonomies.";

    public async Task<IReadOnlyList<TaxonomyEntry>> ListAsync(SqliteConnection connection) =>
        (await connection.QueryAsync<TaxonomyEntry>(
            $"SELECT code, label_de AS LabelDe, label_en AS LabelEn FROM {Table} ORDER BY sort_order, code")).ToList();
}
