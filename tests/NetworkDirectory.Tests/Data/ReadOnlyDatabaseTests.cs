using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace NetworkDirectory.Tests.Data;

/// <summary>
/// A database the server can read but not write: /readyz says 503 and why, and a write answers 503
/// with what to fix, never a 500. The file is made immutable with chattr (CI runs as root, for whom
/// file permissions do not stop a write); the test is skipped where chattr cannot do that.
/// </summary>
public sealed class ReadOnlyDatabaseTests
{
    [ImmutableFileFact]
    public async Task AReadOnlyDatabaseIsNotReadyAndWritesSayWhy()
    {
        using var factory = new ApiFactory();
        var admin = factory.CreateClientAs("admin");
        await HttpAssert.OkAsync(await admin.GetAsync("/v1/agencies/ja-muc"));
        Assert.True(Chattr("+i", factory.DatabasePath));
        try
        {
            SqliteConnection.ClearAllPools();

            var ready = await admin.GetAsync("/readyz");
            Assert.Equal(503, (int)ready.StatusCode);
            Assert.Contains("read-only", await ready.Content.ReadAsStringAsync());

            var write = await admin.PostAsJsonAsync("/v1/schedules", new
            {
                label = "Bürozeiten (Test)", windows = new[] { new { startDay = "monday", startTime = "08:00", endDay = "monday", endTime = "16:00" } },
            });
            var problem = await HttpAssert.ProblemAsync(write, 503);
            Assert.Contains("read-only", problem.GetProperty("detail").GetString());

            await HttpAssert.OkAsync(await admin.GetAsync("/v1/agencies/ja-muc"));
        }
        finally
        {
            Chattr("-i", factory.DatabasePath);
            SqliteConnection.ClearAllPools();
        }
    }

    internal static bool Chattr(string flag, string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true, RedirectStandardOutput = true });
            process!.WaitForExit(10_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>A fact that needs a file made immutable with chattr (root, a file system that supports it); skipped with the reason otherwise.</summary>
public sealed class ImmutableFileFactAttribute : FactAttribute
{
    public ImmutableFileFactAttribute()
    {
        var probe = Path.Combine(Path.GetTempPath(), $"nd-chattr-{Guid.NewGuid():N}");
        File.WriteAllText(probe, "");
        try
        {
            if (!ReadOnlyDatabaseTests.Chattr("+i", probe))
            {
                Skip = "chattr +i does not work here (needs root and a file system with the immutable flag); the read-only database test is skipped.";
            }
        }
        finally
        {
            ReadOnlyDatabaseTests.Chattr("-i", probe);
            File.Delete(probe);
        }
    }
}
