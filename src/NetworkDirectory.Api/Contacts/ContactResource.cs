using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Taxonomies;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Contacts;

public sealed class ContactResource : WritableResource<ContactData>
{
    private static readonly string[] Visibilities = ["public", "professional", "internal"];

    public override string EntityType => "contact";
    public override string GetRouteName => "GetContact";
    public override string NewId(ContactData data) => Ids.New("ct", $"{data.AgencyId}-{data.Kind}");

    public override async Task<Stored<ContactData>?> LoadAsync(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ContactRow>(
            $"SELECT {ContactRow.Columns} FROM contacts c WHERE c.id = @id", new { id }, transaction);
        if (row is null)
        {
            return null;
        }
        var languages = (await connection.QueryAsync<string>("SELECT language FROM contact_languages WHERE contact_id = @id ORDER BY language", new { id }, transaction)).ToList();
        return new Stored<ContactData>(
            new ContactData(row.AgencyId, row.ServiceId, row.KindCode, row.ChannelCode, row.Value, row.Label, languages, row.Visibility, row.ScheduleId, row.SortOrder),
            row.Version, await AgencyRegionsAsync(connection, transaction, row.AgencyId));
    }

    public override async Task<ContactData> ValidateAsync(SqliteConnection connection, SqliteTransaction transaction, ContactData data, string? id, ValidationErrors errors)
    {
        if (data.AgencyId is null || !await WriteChecks.ExistsAsync(connection, transaction, "agencies", data.AgencyId))
        {
            errors.Add("agencyId", data.AgencyId is null ? "agencyId is required." : $"agencyId: no agency '{data.AgencyId}' exists.");
        }
        if (data.ServiceId is not null && await connection.ExecuteScalarAsync<string?>("SELECT agency_id FROM services WHERE id = @ServiceId", new { data.ServiceId }, transaction) != data.AgencyId)
        {
            errors.Add("serviceId", $"serviceId: '{data.ServiceId}' is not a service of agency '{data.AgencyId}'.");
        }
        if (data.Kind is null || !await Taxonomy.ContactKinds.ContainsAsync(connection, data.Kind, transaction))
        {
            errors.Add("kind", data.Kind is null ? "kind is required (see /v1/taxonomies)." : Taxonomy.ContactKinds.Unknown(data.Kind));
        }
        if (data.Visibility is null || !Visibilities.Contains(data.Visibility))
        {
            errors.Add("visibility", $"visibility must be one of: {string.Join(", ", Visibilities)}.");
        }
        if (data.ScheduleId is not null && !await WriteChecks.ExistsAsync(connection, transaction, "schedules", data.ScheduleId))
        {
            errors.Add("scheduleId", $"scheduleId: no schedule '{data.ScheduleId}' exists.");
        }
        errors.MaxLength("label", data.Label, 200);
        errors.Languages("languages", data.Languages);
        if (data.Channel is null || !await Taxonomy.ContactChannels.ContainsAsync(connection, data.Channel, transaction))
        {
            errors.Add("channel", data.Channel is null ? "channel is required (see /v1/taxonomies)." : Taxonomy.ContactChannels.Unknown(data.Channel));
        }
        var value = Value(data, errors);
        if (data is { Kind: "named_person", Visibility: "public" })
        {
            errors.Add("visibility", "A named person is personal data: make the contact professional or internal, or use a role mailbox.");
        }
        return data with
        {
            Value = value,
            Languages = (data.Languages ?? []).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList(),
            SortOrder = data.SortOrder ?? 0,
        };
    }

    /// <summary>Checks the value for its channel and returns it normalised.</summary>
    private static string? Value(ContactData data, ValidationErrors errors)
    {
        var value = data.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            errors.Add("value", "value is required.");
            return value;
        }
        switch (data.Channel)
        {
            case "phone":
                if (FieldFormats.TryNormalizePhone(value, out var e164)) return e164;
                errors.Add("value", $"'{value}' is not a valid German or international phone number.");
                break;
            case "email":
                errors.Email("value", value);
                break;
            case "web_form":
                errors.HttpsUrl("value", value);
                break;
            case "via_police_emergency":
                if (value != "110") errors.Add("value", "value must be '110' for the channel via_police_emergency.");
                break;
            default:
                errors.MaxLength("value", value, 500);
                break;
        }
        return value;
    }

    public override Task<IReadOnlyList<string>> RegionsAsync(SqliteConnection connection, SqliteTransaction transaction, ContactData data) =>
        AgencyRegionsAsync(connection, transaction, data.AgencyId);

    /// <summary>A schedule newly named (or kept while the contact moves to another agency) must belong to the agency's region or one around it, or the caller needs its region too.</summary>
    public override async Task<IReadOnlyList<string>> ReferencedRegionsAsync(SqliteConnection connection, SqliteTransaction transaction, ContactData? before, ContactData after)
    {
        if (after.ScheduleId is null || (before is not null && before.ScheduleId == after.ScheduleId && before.AgencyId == after.AgencyId))
        {
            return [];
        }
        var scheduleRegion = await connection.ExecuteScalarAsync<string?>(
            "SELECT coalesce(region_key, 'DE') FROM schedules WHERE id = @ScheduleId", new { after.ScheduleId }, transaction);
        return WriteChecks.Beside([scheduleRegion], await AgencyRegionsAsync(connection, transaction, after.AgencyId));
    }

    internal static async Task<IReadOnlyList<string>> AgencyRegionsAsync(SqliteConnection connection, SqliteTransaction transaction, string? agencyId) =>
        (await connection.QueryAsync<string>("SELECT region_key FROM agencies WHERE id = @agencyId", new { agencyId }, transaction)).ToList();

    public override async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string id, ContactData data, string now)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO contacts (id, agency_id, service_id, kind_code, channel_code, value, label, visibility, schedule_id, sort_order, sample, version, updated_at)
            VALUES (@id, @AgencyId, @ServiceId, @Kind, @Channel, @Value, @Label, @Visibility, @ScheduleId, @SortOrder, 0, 1, @now)
            """, Parameters(id, data, now, 0), transaction);
        await SaveLanguagesAsync(connection, transaction, id, data);
    }

    public override async Task<bool> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, string id, ContactData data, int version, string now)
    {
        var changed = await connection.ExecuteAsync(
            """
            UPDATE contacts SET agency_id = @AgencyId, service_id = @ServiceId, kind_code = @Kind, channel_code = @Channel, value = @Value,
                   label = @Label, visibility = @Visibility, schedule_id = @ScheduleId, sort_order = @SortOrder, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """, Parameters(id, data, now, version), transaction);
        if (changed == 1)
        {
            await SaveLanguagesAsync(connection, transaction, id, data);
        }
        return changed == 1;
    }

    public override DirectoryChange Changes(string id, ContactData? before, ContactData? after) =>
        DirectoryChange.OfAgencies(before?.AgencyId, after?.AgencyId);

    public override Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        connection.ExecuteAsync("DELETE FROM contacts WHERE id = @id", new { id }, transaction);

    private static async Task SaveLanguagesAsync(SqliteConnection connection, SqliteTransaction transaction, string id, ContactData data)
    {
        await connection.ExecuteAsync("DELETE FROM contact_languages WHERE contact_id = @id", new { id }, transaction);
        await connection.ExecuteAsync("INSERT INTO contact_languages (contact_id, language) VALUES (@id, @language)",
            (data.Languages ?? []).Select(language => new { id, language }), transaction);
    }

    private static object Parameters(string id, ContactData d, string now, int version) => new
    {
        id, now, version, d.AgencyId, d.ServiceId, d.Kind, d.Channel, d.Value, d.Label, d.Visibility, d.ScheduleId, d.SortOrder,
    };
}
