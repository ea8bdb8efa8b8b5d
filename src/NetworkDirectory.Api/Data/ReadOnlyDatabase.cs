using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;

namespace NetworkDirectory.Api.Data;

/// <summary>
/// A database file the server may read but not write (a read-only mount, wrong owner): readiness says
/// so, and a write answers 503 with what to fix instead of a 500.
/// </summary>
public static class ReadOnlyDatabase
{
    /// <summary>True when SQLite opened the main database of this connection read-only.</summary>
    public static bool IsReadOnly(SqliteConnection connection) => SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1;

    public static string Reason(string path) =>
        $"The database {path} is read-only: writes fail. Make the file and its folder (for the -wal and -shm files) writable for the server's user, or mount it read-write.";

    internal sealed class ExceptionHandler(IProblemDetailsService problems, SqliteConnectionFactory connections) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_READONLY })
            {
                return false;
            }
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Database is read-only",
                    Detail = Reason(connections.DatabasePath) + " Nothing was changed.",
                },
            });
        }
    }
}
