using Dapper;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO;
using NetworkDirectory.Api.Regions;

namespace NetworkDirectory.Api.Geography;

/// <summary>
/// Which regions a coverage polygon reaches into, from the imported boundaries: the Kreise it
/// reaches into, then the Länder for any part that lies in no imported Kreis, and
/// <see cref="RegionKey.Country"/> for any part that lies in no imported boundary at all (or for
/// every polygon while none is imported). A polygon outranks every key in the lookup, so whoever
/// sets one must be allowed to write every region it reaches; these keys go into the write's scope check.
/// <para>Tolerance: BKG's generalised borders (VG1000, VG250) run up to a few hundred metres off
/// the real ones, so a part that reaches less than <see cref="ToleranceMetres"/> into a region
/// (whatever is left after shrinking it by that much is empty) does not count.</para>
/// <para>The boundaries are read once per boundary import and kept (Kreise and Länder only, not
/// the Gemeinden), so a polygon write costs a few intersections, not a read of every boundary.</para>
/// </summary>
public sealed class PolygonReach
{
    public const double ToleranceMetres = 500;

    /// <summary>The tolerance in degrees of latitude; a degree of longitude is shorter in Germany, so it is a little more generous east–west.</summary>
    private const double Tolerance = ToleranceMetres / 111_320.0;

    private sealed record Area(string Key, Geometry Geometry);

    private sealed record Areas(long Generation, STRtree<Area> Kreise, STRtree<Area> Laender, bool Any);

    private Areas? _areas;
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>The region keys the polygon reaches into, in ascending order; the polygon must have passed <see cref="CoveragePolygon.TryRead"/>.</summary>
    public async Task<IReadOnlyList<string>> RegionsAsync(SqliteConnection connection, SqliteTransaction transaction, Geometry polygon)
    {
        var areas = await AreasAsync(connection, transaction);
        if (!areas.Any)
        {
            return [RegionKey.Country];
        }
        try
        {
            var reached = new SortedSet<string>(StringComparer.Ordinal);
            var rest = Reach(areas.Kreise, polygon, reached);
            rest = rest.IsEmpty ? rest : Reach(areas.Laender, rest, reached);
            if (Reaches(rest))
            {
                reached.Add(RegionKey.Country);
            }
            return reached.ToList();
        }
        catch (TopologyException)
        {
            // A geometry the overlay cannot handle: nobody but an admin may set it.
            return [RegionKey.Country];
        }
    }

    /// <summary>Adds the keys of the areas the geometry reaches into; returns the part in none of them.</summary>
    private static Geometry Reach(STRtree<Area> index, Geometry geometry, SortedSet<string> reached)
    {
        var rest = geometry;
        foreach (var area in index.Query(geometry.EnvelopeInternal).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!area.Geometry.Intersects(geometry))
            {
                continue;
            }
            if (Reaches(area.Geometry.Intersection(geometry)))
            {
                reached.Add(area.Key);
            }
            rest = rest.Difference(area.Geometry);
        }
        return rest;
    }

    /// <summary>True when something is left of the part after shrinking it by the tolerance.</summary>
    private static bool Reaches(Geometry part) => !part.IsEmpty && part.Dimension == Dimension.Surface && !part.Buffer(-Tolerance).IsEmpty;

    private async Task<Areas> AreasAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        // The latest import's id tells whether the kept boundaries are still the stored ones (an
        // import by the command line in another process counts too).
        var generation = await connection.ExecuteScalarAsync<long?>("SELECT max(id) FROM boundary_imports", transaction: transaction) ?? 0;
        if (Volatile.Read(ref _areas) is { } current && current.Generation == generation)
        {
            return current;
        }
        await _loading.WaitAsync();
        try
        {
            if (_areas is { } loaded && loaded.Generation == generation)
            {
                return loaded;
            }
            var rows = await connection.QueryAsync<(string Key, string Level, byte[] Geometry)>(
                "SELECT key, level, geometry FROM regions WHERE geometry IS NOT NULL AND level IN ('kreis', 'land')", transaction: transaction);
            var reader = new WKBReader(NetTopologySuite.NtsGeometryServices.Instance);
            var kreise = new STRtree<Area>();
            var laender = new STRtree<Area>();
            var any = false;
            foreach (var (key, level, wkb) in rows)
            {
                var geometry = reader.Read(wkb);
                (level == "kreis" ? kreise : laender).Insert(geometry.EnvelopeInternal, new Area(key, geometry));
                any = true;
            }
            kreise.Build();
            laender.Build();
            var areas = new Areas(generation, kreise, laender, any);
            Volatile.Write(ref _areas, areas);
            return areas;
        }
        finally
        {
            _loading.Release();
        }
    }
}
