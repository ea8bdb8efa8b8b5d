using Dapper;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetworkDirectory.Api.Geography;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using ProjNet.IO.CoordinateSystems;

namespace NetworkDirectory.Tests.Geography;

/// <summary>The GeoPackage variant of the BKG files: a feature table in EPSG:25832 with AGS/GEN/BEZ/GF columns.</summary>
public sealed class GeoPackageTests : IDisposable
{
    private const string Etrs89Utm32 = """
        PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0],AUTHORITY["EPSG",25832]]
        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"nd-{Guid.NewGuid():N}.gpkg");

    [Fact]
    public void GeoPackageFeaturesAreReprojectedAndFiltered()
    {
        var box = Squares.Box(9.9, 48.3, 10.1, 48.5);
        Write(("09162", "München", "Kreisfreie Stadt", 4, ToUtm(box)), ("09162", "München", "Kreisfreie Stadt", 2, ToUtm(Squares.Box(10.2, 48.3, 10.3, 48.4))));

        var set = BoundaryReader.Read(_path);

        var feature = Assert.Single(set.Features);
        Assert.Equal(("09162", "kreis", "München", "Kreisfreie Stadt"), (feature.Key, feature.Level, feature.Name, feature.Designation));
        var envelope = feature.Geometry.EnvelopeInternal;
        Assert.Equal(9.9, envelope.MinX, 6);
        Assert.Equal(10.1, envelope.MaxX, 6);
        Assert.Equal(48.3, envelope.MinY, 6);
        Assert.Equal(48.5, envelope.MaxY, 6);
    }

    private static Geometry ToUtm(Geometry wgs84)
    {
        var transform = new CoordinateTransformationFactory().CreateFromCoordinateSystems(
            GeographicCoordinateSystem.WGS84, (CoordinateSystem)CoordinateSystemWktReader.Parse(Etrs89Utm32)).MathTransform;
        var copy = wgs84.Copy();
        foreach (var c in copy.Coordinates)
        {
            (c.X, c.Y) = transform.Transform(c.X, c.Y);
        }
        copy.GeometryChanged();
        return copy;
    }

    private void Write(params (string Ags, string Gen, string Bez, int Gf, Geometry Geometry)[] rows)
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        connection.Execute("""
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, srs_id INTEGER);
            CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
            CREATE TABLE vg250_krs (fid INTEGER PRIMARY KEY, geom BLOB, AGS TEXT, GEN TEXT, BEZ TEXT, GF INTEGER);
            INSERT INTO gpkg_contents VALUES ('vg250_krs', 'features', 'vg250_krs', 25832);
            INSERT INTO gpkg_geometry_columns VALUES ('vg250_krs', 'geom', 'MULTIPOLYGON', 25832, 0, 0);
            """);
        connection.Execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('ETRS89 / UTM 32N', 25832, 'EPSG', 25832, @wkt, NULL)", new { wkt = Etrs89Utm32.Trim() });
        var writer = new GeoPackageGeoWriter();
        foreach (var (ags, gen, bez, gf, geometry) in rows)
        {
            geometry.SRID = 25832;
            connection.Execute("INSERT INTO vg250_krs (geom, AGS, GEN, BEZ, GF) VALUES (@geom, @ags, @gen, @bez, @gf)", new { geom = writer.Write(geometry), ags, gen, bez, gf });
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
