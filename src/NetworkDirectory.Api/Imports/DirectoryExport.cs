using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Imports;

/// <summary>
/// A region's agencies with their services and contacts, and the region's schedules with their
/// windows and exceptions, in the import template: importing the file unchanged reports no change.
/// Schedules first (contacts name them), then each agency followed by its services and contacts.
/// </summary>
public sealed class DirectoryExport(
    SqliteConnectionFactory connections, ScheduleImport schedules, AgencyImport agencies, ServiceImport services, ContactImport contacts)
{
    public async Task<IReadOnlyList<Dictionary<string, string?>>> RowsAsync(string region, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var rows = new List<Dictionary<string, string?>>();
        await AddAsync(connection, transaction, schedules, await schedules.InRegionAsync(connection, transaction, region), rows);
        var agencyRows = new List<Dictionary<string, string?>>();
        await AddAsync(connection, transaction, agencies, await agencies.InRegionAsync(connection, transaction, region), agencyRows);
        var serviceRows = new List<Dictionary<string, string?>>();
        await AddAsync(connection, transaction, services, await services.InRegionAsync(connection, transaction, region), serviceRows);
        var contactRows = new List<Dictionary<string, string?>>();
        await AddAsync(connection, transaction, contacts, await contacts.InRegionAsync(connection, transaction, region), contactRows);
        var servicesOf = serviceRows.ToLookup(r => r["agencyId"], StringComparer.Ordinal);
        var contactsOf = contactRows.ToLookup(r => r["agencyId"], StringComparer.Ordinal);
        foreach (var agency in agencyRows)
        {
            rows.Add(agency);
            rows.AddRange(servicesOf[agency["id"]]);
            rows.AddRange(contactsOf[agency["id"]]);
        }
        return rows;
    }

    private static async Task AddAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, ImportKind<T> kind, IReadOnlyList<StoredRef> refs, List<Dictionary<string, string?>> rows)
        where T : class
    {
        foreach (var stored in refs)
        {
            if (await kind.Resource.LoadAsync(connection, transaction, stored.Id) is not { } entity)
            {
                continue;
            }
            foreach (var cells in kind.ToCells(stored.Id, entity.Data))
            {
                cells["sample"] = stored.Sample ? "true" : null;
                rows.Add(cells);
            }
        }
    }
}
