using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace NetworkDirectory.Api.Services;

/// <summary>A service in its write shape: who (agency) handles what (responsibility) for whom where.</summary>
/// <param name="ExploitationForms">Exploitation form codes; empty or null: all forms.</param>
/// <param name="Coverage">Official keys and custom regions (at least one, or a polygon); each must lie in your scope.</param>
/// <param name="CoveragePolygon">Optional GeoJSON Polygon or MultiPolygon (WGS84, in Germany, at most 10,000 vertices); the most specific coverage.</param>
/// <param name="Priority">0–1000; among equally specific services the lower number is asked first (default 100).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ServiceData(
    string? AgencyId, string? Responsibility, IReadOnlyList<string>? ExploitationForms, TargetGroupData? TargetGroup,
    CoverageData? Coverage, JsonNode? CoveragePolygon, int? Priority, string? Notes);

/// <summary>Whom the service is for.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TargetGroupData(int? MinAge, int? MaxAge, bool? MinorsOnly, bool? UnaccompaniedOnly);

/// <summary>Where the service applies.</summary>
/// <param name="RegionKeys">Official keys at any level ('09', '091', '09162', '09162000').</param>
/// <param name="CustomRegions">Keys of custom regions (police or court districts).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CoverageData(IReadOnlyList<string>? RegionKeys, IReadOnlyList<string>? CustomRegions);
