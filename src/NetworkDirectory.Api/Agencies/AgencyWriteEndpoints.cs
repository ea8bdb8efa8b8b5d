using System.ComponentModel;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Agencies;

/// <summary>Coordinators keep their region's agencies current; admins everywhere.</summary>
public static class AgencyWriteEndpoints
{
    internal static IEndpointRouteBuilder MapAgencyWrites(this IEndpointRouteBuilder app)
    {
        var group = app.MapWritable<AgencyResource, AgencyData>("/v1/agencies", "Agencies", "Agency", "/{id}/data");
        group.MapPost("/{id}/verify", Verify).WithName("VerifyAgency")
            .WithSummary("Confirm that an agency's entry is current: sets last-verified to today (If-Match required)");
        return app;
    }

    /// <summary>Sets last-verified to today (Europe/Berlin) and who verified; the audit records it.</summary>
    public static Task<Results<Ok<Resource<AgencyData>>, ValidationProblem, ProblemHttpResult>> Verify(
        WritePipeline writes, AgencyResource resource, HttpContext http, TimeProvider clock, [Description("Agency id.")] string id)
    {
        var caller = Caller.From(http.User);
        var today = Dates.Format(BerlinTime.Today(clock));
        return writes.UpdateAsync(resource, id, http, "verify", data => (data, null), async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                "UPDATE agencies SET last_verified_on = @today, verified_by = @name WHERE id = @id",
                new { today, name = caller.Name, id }, transaction);
            return new JsonObject { ["lastVerifiedOn"] = today, ["verifiedBy"] = caller.Name };
        });
    }
}
