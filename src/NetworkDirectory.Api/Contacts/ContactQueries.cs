using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Contacts;

internal static class ContactQueries
{
    public static async Task<IReadOnlyList<ContactResponse>> ForAgencyAsync(
        SqliteConnection connection, string agencyId, IReadOnlyList<string> visibilities)
    {
        var contacts = (await connection.QueryAsync<ContactRow>(
            $"""
            SELECT {ContactRow.Columns}
            FROM contacts c WHERE c.agency_id = @agencyId AND c.visibility IN @visibilities
            ORDER BY c.sort_order, c.id
            """, new { agencyId, visibilities })).ToList();
        var ids = contacts.Select(c => c.Id).ToList();
        var languages = (await connection.QueryAsync<KeyValue>(
            "SELECT contact_id AS Key, language AS Value FROM contact_languages WHERE contact_id IN @ids ORDER BY language",
            new { ids })).ToLookup(kv => kv.Key, kv => kv.Value);
        var schedules = await ScheduleQueries.ByIdsAsync(
            connection, contacts.Where(c => c.ScheduleId is not null).Select(c => c.ScheduleId!).Distinct().ToList());

        return contacts.Select(c => new ContactResponse(
            c.Id, c.KindCode, c.ChannelCode, c.Value, c.Label, languages[c.Id].ToList(), c.ServiceId, c.Visibility,
            c.ScheduleId is null ? null : schedules[c.ScheduleId], c.Sample)).ToList();
    }
}
