using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NetworkDirectory.Api.Writes;

/// <summary>
/// Writes refused for their precondition, by resource: 428 (no If-Match sent) and 412 (the entry
/// changed since it was read). Many 412s on one resource mean coordinators edit the same entries at once.
/// </summary>
public sealed class WriteMetrics(IMeterFactory meters)
{
    public const string MeterName = "NetworkDirectory.Writes";

    private readonly Counter<long> _preconditions = meters.Create(MeterName).CreateCounter<long>(
        "networkdirectory.writes.precondition_problems", "{request}",
        "Writes refused with 412 (If-Match does not match) or 428 (If-Match missing), by resource.");

    /// <summary>Counts the refusal and returns it unchanged.</summary>
    public ProblemHttpResult Refused(string resource, ProblemHttpResult problem)
    {
        _preconditions.Add(1, new TagList { { "resource", resource }, { "http.response.status_code", problem.StatusCode } });
        return problem;
    }
}
