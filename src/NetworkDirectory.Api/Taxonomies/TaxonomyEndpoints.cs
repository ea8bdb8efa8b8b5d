using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Taxonomies;

public static class TaxonomyEndpoints
{
    public static IEndpointRouteBuilder MapTaxonomies(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/taxonomies").WithTags("Taxonomies")
            .MapGet("/", GetTaxonomies)
            .WithName("GetTaxonomies")
            .WithSummary("Agency kinds, responsibilities, exploitation forms and the other code lists")
            .WithDescription("The codes used by every other endpoint, with German and English labels. Codes are stable; new entries may be added.");
        return app;
    }

    public static async Task<Ok<TaxonomiesResponse>> GetTaxonomies(SqliteConnectionFactory connections, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var responsibilities = (await connection.QueryAsync<(string Code, string LabelDe, string LabelEn, long? CaseStep, string? LegalBasis, long Acute)>(
            """
            SELECT code, label_de, label_en, case_step, legal_basis, acute
            FROM responsibilities ORDER BY sort_order, code
            """)).Select(r => new ResponsibilityEntry(r.Code, r.LabelDe, r.LabelEn, (int?)r.CaseStep, r.LegalBasis, r.Acute == 1));
        var forms = await connection.QueryAsync<ExploitationFormEntry>(
            """
            SELECT code, label_de AS LabelDe, label_en AS LabelEn, stgb_reference AS StgbReference
            FROM exploitation_forms ORDER BY sort_order, code
            """);
        return TypedResults.Ok(new TaxonomiesResponse(
            await Taxonomy.AgencyKinds.ListAsync(connection),
            responsibilities.ToList(),
            forms.ToList(),
            await Taxonomy.InstrumentTypes.ListAsync(connection),
            await Taxonomy.MemberRoles.ListAsync(connection),
            await Taxonomy.ContactKinds.ListAsync(connection),
            await Taxonomy.ContactChannels.ListAsync(connection)));
    }
}
