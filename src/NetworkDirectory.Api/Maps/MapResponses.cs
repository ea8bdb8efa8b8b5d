using System.Text.Json;

namespace NetworkDirectory.Api.Maps;

/// <summary>An RFC 7946 FeatureCollection of the regions inside a Land or Kreis, with foreign members.</summary>
/// <param name="Type">Always "FeatureCollection".</param>
/// <param name="Region">The Land or Kreis asked for.</param>
/// <param name="Responsibility">The responsibility code the agencies are for.</param>
/// <param name="Tolerance">The simplification tolerance in metres that was applied.</param>
/// <param name="Attribution">Source notes of the boundaries shown (BKG, dl-de/by-2-0); empty when no boundary is shown.</param>
/// <param name="Sample">True when any listed agency is fictional sample data.</param>
/// <param name="BoundariesMissing">Keys of features without an imported boundary (their geometry is null).</param>
/// <param name="Notes">What the map does not show, in words.</param>
public sealed record CoverageMap(
    string Type, MapRegion Region, string Responsibility, int Tolerance, IReadOnlyList<string> Attribution, bool Sample,
    IReadOnlyList<string> BoundariesMissing, IReadOnlyList<string> Notes, IReadOnlyList<CoverageFeature> Features);

public sealed record MapRegion(string Key, string Level, string Name);

/// <param name="Type">Always "Feature".</param>
/// <param name="Id">The region key.</param>
/// <param name="Geometry">A GeoJSON Polygon or MultiPolygon in WGS84, or null when no boundary is imported.</param>
public sealed record CoverageFeature(string Type, string Id, JsonElement? Geometry, CoverageProperties Properties);

/// <param name="Status">covered: at least one agency is responsible; gap: none.</param>
/// <param name="Agencies">The agencies a lookup in this region names first (the most specific coverage), best first.</param>
public sealed record CoverageProperties(string Key, string Name, string Level, string Status, bool Sample, IReadOnlyList<CoverageAgency> Agencies);

/// <param name="CoverageLevel">The level of the coverage that matched: gemeinde, kreis, regierungsbezirk, land or country.</param>
/// <param name="CoverageKey">The official key that matched.</param>
public sealed record CoverageAgency(string Id, string Name, string CoverageLevel, string? CoverageKey, int Priority, bool Sample);

/// <summary>An RFC 7946 FeatureCollection of agency locations.</summary>
public sealed record AgencyMap(
    string Type, MapRegion? Region, string? Responsibility, bool Sample, IReadOnlyList<string> Notes, IReadOnlyList<AgencyFeature> Features);

/// <param name="Geometry">A GeoJSON Point [longitude, latitude].</param>
public sealed record AgencyFeature(string Type, string Id, AgencyPoint Geometry, AgencyProperties Properties);

public sealed record AgencyPoint(string Type, IReadOnlyList<double> Coordinates);

/// <param name="Responsibilities">Responsibility codes of the agency's services.</param>
/// <param name="Vcard">Link to the agency's contact card (text/vcard).</param>
public sealed record AgencyProperties(string Id, string Name, string Kind, IReadOnlyList<string> Responsibilities, bool Sample, string Vcard);
