using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Taxonomies;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Agencies;

public sealed class AgencyResource : WritableResource<AgencyData>
{
    public override string EntityType => "agency";
    public override string GetRouteName => "GetAgency";
    public override string NewId(AgencyData data) => Ids.New("", data.Name);

    public override async Task<Stored<AgencyData>?> LoadAsync(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AgencyRow>(
            $"SELECT {AgencyRow.Columns} FROM agencies a WHERE a.id = @id", new { id }, transaction);
        if (row is null)
        {
            return null;
        }
        var languages = (await connection.QueryAsync<string>(
            "SELECT language FROM agency_languages WHERE agency_id = @id ORDER BY language", new { id }, transaction)).ToList();
        var data = new AgencyData(
            row.Name, row.KindCode, row.Operator,
            row.Street is null && row.PostalCode is null && row.City is null ? null : new AddressData(row.Street, row.PostalCode, row.City),
            row.RegionKey, row.Latitude is { } lat && row.Longitude is { } lon ? new GeoPoint(lat, lon) : null,
            row.Website, row.Email, languages, row.Accessibility, row.InternalNotes);
        return new Stored<AgencyData>(data, row.Version, [row.RegionKey]);
    }

    public override async Task<AgencyData> ValidateAsync(SqliteConnection connection, SqliteTransaction transaction, AgencyData data, string? id, ValidationErrors errors)
    {
        errors.Required("name", data.Name, 200);
        errors.MaxLength("operator", data.Operator, 200);
        errors.MaxLength("address.street", data.Address?.Street, 200);
        errors.MaxLength("address.city", data.Address?.City, 100);
        if (data.Address?.PostalCode is { } postal && (postal.Length != 5 || !postal.All(char.IsAsciiDigit)))
        {
            errors.Add("address.postalCode", $"address.postalCode: '{postal}' is not a German postal code (5 digits).");
        }
        if (data.Kind is null)
        {
            errors.Add("kind", "kind is required (an agency kind code, see /v1/taxonomies).");
        }
        else if (!await Taxonomy.AgencyKinds.ContainsAsync(connection, data.Kind, transaction))
        {
            errors.Add("kind", Taxonomy.AgencyKinds.Unknown(data.Kind));
        }
        await WriteChecks.ExistingRegionAsync(connection, transaction, "regionKey", data.RegionKey, errors, required: true);
        if (data.Location is { } point)
        {
            GermanyBounds.Check("location", point.Latitude, point.Longitude, errors);
        }
        errors.HttpsUrl("website", data.Website);
        errors.Email("email", data.Email);
        errors.Languages("languages", data.Languages);
        errors.MaxLength("accessibility", data.Accessibility, 1000);
        errors.MaxLength("internalNotes", data.InternalNotes, 2000);
        return data with
        {
            Name = data.Name?.Trim(),
            RegionKey = WriteChecks.Normalized(data.RegionKey),
            Languages = (data.Languages ?? []).Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList(),
        };
    }

    public override Task<IReadOnlyList<string>> RegionsAsync(SqliteConnection connection, SqliteTransaction transaction, AgencyData data) =>
        Task.FromResult<IReadOnlyList<string>>([data.RegionKey!]);

    public override async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string id, AgencyData data, string now)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO agencies (id, name, kind_code, operator, street, postal_code, city, region_key, latitude, longitude,
                                  website, email, accessibility, internal_notes, sample, version, created_at, updated_at)
            VALUES (@id, @Name, @Kind, @Operator, @Street, @PostalCode, @City, @RegionKey, @Latitude, @Longitude,
                    @Website, @Email, @Accessibility, @InternalNotes, 0, 1, @now, @now)
            """, Parameters(id, data, now), transaction);
        await SaveLanguagesAsync(connection, transaction, id, data);
    }

    public override async Task<bool> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, string id, AgencyData data, int version, string now)
    {
        var changed = await connection.ExecuteAsync(
            """
            UPDATE agencies SET name = @Name, kind_code = @Kind, operator = @Operator, street = @Street, postal_code = @PostalCode,
                   city = @City, region_key = @RegionKey, latitude = @Latitude, longitude = @Longitude, website = @Website,
                   email = @Email, accessibility = @Accessibility, internal_notes = @InternalNotes,
                   version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """, Parameters(id, data, now, version), transaction);
        if (changed != 1)
        {
            return false;
        }
        await SaveLanguagesAsync(connection, transaction, id, data);
        return true;
    }

    public override async Task<string?> DeleteConflictAsync(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        var networks = (await connection.QueryAsync<string>(
            "SELECT id FROM networks WHERE coordinating_agency_id = @id ORDER BY id", new { id }, transaction)).ToList();
        return networks.Count == 0 ? null : $"The agency coordinates the network(s) {string.Join(", ", networks)}: name another coordinating agency there first.";
    }

    /// <summary>A coordinator of another region reads the entry without its internal notes.</summary>
    public override AgencyData VisibleTo(Caller caller, Stored<AgencyData> stored) =>
        stored.Regions.All(caller.SeesInternalNotesOf) ? stored.Data : stored.Data with { InternalNotes = null };

    public override DirectoryChange Changes(string id, AgencyData? before, AgencyData? after) => DirectoryChange.OfAgencies(id);

    public override Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        connection.ExecuteAsync("DELETE FROM agencies WHERE id = @id", new { id }, transaction);

    private static async Task SaveLanguagesAsync(SqliteConnection connection, SqliteTransaction transaction, string id, AgencyData data)
    {
        await connection.ExecuteAsync("DELETE FROM agency_languages WHERE agency_id = @id", new { id }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO agency_languages (agency_id, language) VALUES (@id, @language)",
            (data.Languages ?? []).Select(language => new { id, language }), transaction);
    }

    private static object Parameters(string id, AgencyData d, string now, int version = 0) => new
    {
        id, now, version, d.Name, d.Kind, d.Operator, d.Address?.Street, d.Address?.PostalCode, d.Address?.City, d.RegionKey,
        d.Location?.Latitude, d.Location?.Longitude, d.Website, d.Email, d.Accessibility, d.InternalNotes,
    };
}
