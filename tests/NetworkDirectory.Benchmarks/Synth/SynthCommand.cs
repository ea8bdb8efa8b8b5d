using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Benchmarks.Synth;

/// <summary>
/// <c>-- synth --scale N --db PATH [--seed S]</c>: adds a national-size synthetic directory beside the
/// bundled sample in a database that already holds the imported BKG boundaries (see README, "National scale").
/// Exit codes: 0 done, 1 the database is not usable, 2 usage error.
/// </summary>
public static class SynthCommand
{
    public const string Usage =
        "usage: dotnet run -c Release --project tests/NetworkDirectory.Benchmarks -- synth --scale N --db PATH [--seed S]\n" +
        "       adds N × (5 agencies per Kreis + 1 prosecutor per 4 Kreise of a Land + 1 town youth office per 20th Gemeinde)\n" +
        "       beside the bundled sample; the database must be migrated and hold the imported boundaries.";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, out var scale, out var path, out var seed))
        {
            error.WriteLine(Usage);
            return 2;
        }
        if (!File.Exists(path))
        {
            error.WriteLine($"No database at {Path.GetFullPath(path)}: prepare one with the API's 'boundaries import' commands first.");
            return 1;
        }

        var connections = new SqliteConnectionFactory(path);
        using var connection = connections.Open();
        if (!Migrator.IsUpToDate(connection))
        {
            error.WriteLine($"{connections.DatabasePath} is not migrated to this build's schema: start the API (or run one of its commands) on it once.");
            return 1;
        }
        // The server loads the sample only into an empty directory; load it here so that every
        // directory is the sample plus the synthetic part, whatever the database went through before.
        new SampleLoader(connections, NullLogger<SampleLoader>.Instance).LoadIfEmpty();
        if (connection.ExecuteScalar<long>("SELECT count(*) FROM agencies WHERE id LIKE 'syn-%'") > 0)
        {
            error.WriteLine($"{connections.DatabasePath} already holds a synthetic directory (agencies 'syn-…'): start from a copy without it.");
            return 1;
        }

        var stopwatch = Stopwatch.StartNew();
        var geography = SynthGeography.Read(connection);
        if (geography.Kreise.Count == 0)
        {
            error.WriteLine($"{connections.DatabasePath} has no Kreis boundaries: import them first ('boundaries import …/vg1000-2024/shp').");
            return 1;
        }
        var directory = new SynthBuilder(geography, scale, seed).Build();
        SynthWriter.Write(connection, directory);
        var total = connection.ExecuteScalar<long>("SELECT count(*) FROM agencies");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"synth scale {scale} (seed {seed}): added {directory.Agencies.Count} agencies, {directory.Services.Count} services, " +
            $"{directory.Contacts.Count} contacts, {directory.Schedules.Count} schedules ({directory.Windows.Count} windows) " +
            $"for {geography.Kreise.Count} Kreise and {geography.Gemeinden.Count} Gemeinden in {stopwatch.ElapsedMilliseconds} ms; {total} agencies in all"));
        return 0;
    }

    private static bool TryParse(string[] args, out int scale, out string path, out int seed)
    {
        (scale, path, seed) = (0, "", 20261129);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--scale" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out scale) && scale is >= 1 and <= 100:
                case "--seed" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case "--db" when !string.IsNullOrEmpty(value):
                    path = value;
                    i++;
                    break;
                default:
                    return false;
            }
        }
        return scale >= 1 && path.Length > 0;
    }
}
