using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using ProjNet.IO.CoordinateSystems;

namespace NetworkDirectory.Api.Geography;

/// <summary>Reads one shapefile and reprojects it to WGS84 with ProjNET, using the CRS of its .prj.</summary>
internal static class ShapefileSource
{
    public static IEnumerable<BoundaryFeature> Read(string shp)
    {
        var prj = Path.ChangeExtension(shp, ".prj");
        var transform = File.Exists(prj) ? ToWgs84(File.ReadAllText(prj)) : null;
        foreach (var feature in Shapefile.ReadAllFeatures(shp))
        {
            var geometry = feature.Geometry;
            if (transform is not null && geometry is not null)
            {
                geometry = geometry.Copy();
                geometry.Apply(new Reprojection(transform));
                geometry.GeometryChanged();
            }
            if (BoundaryReader.Create(feature.Attributes, geometry, shp) is { } boundary)
            {
                yield return boundary;
            }
        }
    }

    /// <summary>Null when the file already is in geographic WGS84/ETRS89 coordinates.</summary>
    private static MathTransform? ToWgs84(string wkt)
    {
        var source = (CoordinateSystem)CoordinateSystemWktReader.Parse(wkt);
        if (source is GeographicCoordinateSystem)
        {
            return null; // ETRS89 and WGS84 agree to well under a metre for this purpose
        }
        return new CoordinateTransformationFactory().CreateFromCoordinateSystems(source, GeographicCoordinateSystem.WGS84).MathTransform;
    }

    private sealed class Reprojection(MathTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence sequence)
        {
            for (var i = 0; i < sequence.Count; i++)
            {
                var (x, y) = transform.Transform(sequence.GetX(i), sequence.GetY(i));
                sequence.SetX(i, x);
                sequence.SetY(i, y);
            }
        }
    }
}
