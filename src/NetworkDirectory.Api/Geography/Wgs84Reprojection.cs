using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using ProjNet.IO.CoordinateSystems;

namespace NetworkDirectory.Api.Geography;

/// <summary>Reprojects geometries from a source CRS (given as WKT, e.g. EPSG:25832 of the BKG files) to WGS84 with ProjNET.</summary>
internal sealed class Wgs84Reprojection
{
    private readonly MathTransform _transform;

    private Wgs84Reprojection(MathTransform transform) => _transform = transform;

    /// <summary>Null when the CRS already is geographic (ETRS89 and WGS84 agree to well under a metre here).</summary>
    public static Wgs84Reprojection? FromWkt(string wkt)
    {
        var source = (CoordinateSystem)CoordinateSystemWktReader.Parse(wkt);
        return source is GeographicCoordinateSystem
            ? null
            : new Wgs84Reprojection(new CoordinateTransformationFactory().CreateFromCoordinateSystems(source, GeographicCoordinateSystem.WGS84).MathTransform);
    }

    public Geometry Apply(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new ToWgs84(_transform));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class ToWgs84(MathTransform transform) : IEntireCoordinateSequenceFilter
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
