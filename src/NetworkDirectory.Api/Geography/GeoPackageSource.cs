using Dapper;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.IO;

namespace NetworkDirectory.Api.Geography;

/// <summary>
/// Reads the feature tables of a GeoPackage (the BKG's .gpkg variant of the VG series): geometries
/// in GeoPackage binary via NTS's <see cref="GeoPackageGeoReader"/>, reprojected from the table's
/// CRS (gpkg_spatial_ref_sys) to WGS84, attributes from the table's other columns.
/// </summary>
internal static class GeoPackageSource
{
    public static IEnumerable<BoundaryFeature> Read(string gpkg)
    {
        var features = new List<BoundaryFeature>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = gpkg, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = connection.Query<(string Table, string Column, string? Definition)>(
            """
            SELECT c.table_name, g.column_name, s.definition
            FROM gpkg_contents c
            JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
            LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
            WHERE c.data_type = 'features' ORDER BY c.table_name
            """).ToList();
        var reader = new GeoPackageGeoReader();
        foreach (var (table, column, definition) in tables)
        {
            var reprojection = definition is { Length: > 0 } wkt && wkt != "undefined" ? Wgs84Reprojection.FromWkt(wkt) : null;
            using var command = connection.CreateCommand();
            // Table and column names come from the file's own gpkg_contents, quoted as identifiers.
#pragma warning disable CA2100
            command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
#pragma warning restore CA2100
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                var attributes = new AttributesTable();
                NetTopologySuite.Geometries.Geometry? geometry = null;
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    var name = rows.GetName(i);
                    if (name.Equals(column, StringComparison.OrdinalIgnoreCase))
                    {
                        geometry = rows.IsDBNull(i) ? null : reader.Read((byte[])rows.GetValue(i));
                    }
                    else
                    {
                        attributes.Add(name.ToUpperInvariant(), rows.IsDBNull(i) ? null : rows.GetValue(i));
                    }
                }
                if (geometry is not null && reprojection is not null)
                {
                    geometry = reprojection.Apply(geometry);
                }
                if (BoundaryReader.Create(attributes, geometry, gpkg) is { } boundary)
                {
                    features.Add(boundary);
                }
            }
        }
        return features;
    }
}
