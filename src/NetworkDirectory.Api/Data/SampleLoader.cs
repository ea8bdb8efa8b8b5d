using Dapper;

namespace NetworkDirectory.Api.Data;

/// <summary>Loads db/sample into an empty database, all scripts in one transaction.</summary>
public sealed class SampleLoader(SqliteConnectionFactory connections, ILogger<SampleLoader> logger)
{
    /// <returns>True when the sample was loaded; false when the database already held agencies.</returns>
    public bool LoadIfEmpty()
    {
        using var connection = connections.Open();
        if (connection.ExecuteScalar<long>("SELECT count(*) FROM agencies") > 0)
        {
            return false;
        }

        using var transaction = connection.BeginTransaction();
        foreach (var script in SqlScript.Load("sample/"))
        {
            connection.Execute(script.Sql, transaction: transaction);
        }
        transaction.Commit();
        logger.LogInformation("Loaded the bundled SAMPLE network (fictional contacts, flagged sample=true)");
        return true;
    }
}
