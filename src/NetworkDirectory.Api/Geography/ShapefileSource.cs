using NetTopologySuite.IO.Esri;

namespace NetworkDirectory.Api.Geography;

/// <summary>Reads one shapefile and reprojects it to WGS84, using the CRS of its .prj.</summary>
internal static class ShapefileSource
{
    public static IEnumerable<BoundaryFeature> Read(string shp)
    {
        var prj = Path.ChangeExtension(shp, ".prj");
        var reprojection = File.Exists(prj) ? Wgs84Reprojection.FromWkt(File.ReadAllText(prj)) : null;
        foreach (var feature in Shapefile.ReadAllFeatures(shp))
        {
            var geometry = feature.Geometry is { } g && reprojection is not null ? reprojection.Apply(g) : feature.Geometry;
            if (BoundaryReader.Create(feature.Attributes, geometry, shp) is { } boundary)
            {
                yield return boundary;
            }
        }
    }
}
