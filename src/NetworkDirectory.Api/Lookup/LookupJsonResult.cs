using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace NetworkDirectory.Api.Lookup;

/// <summary>
/// Writes a <see cref="LookupResponse"/> whose results are already JSON (<see cref="AnswerCache.Answer"/>):
/// the same bytes <c>TypedResults.Ok(response)</c> would write, with the results copied in instead
/// of serialised again. Declares itself as a 200 with a <see cref="LookupResponse"/> body, as
/// <c>Ok&lt;LookupResponse&gt;</c> does, so the OpenAPI document is unchanged.
/// </summary>
public sealed class LookupJsonResult(
    DateTimeOffset at, LocationAnswer location, IReadOnlyList<AnswerCache.Answer> results,
    IReadOnlyList<EmergencyNumber> emergencyNumbers, bool containsSample, AnswerCache json) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = json.Options;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        // Not indented, like the cached results it copies (the API's options do not indent either).
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder }))
        {
            Write(writer, options);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>The response body; property names follow the serializer's naming policy, like the record's own serialisation.</summary>
    public void Write(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        string Name(string property) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;

        writer.WriteStartObject();
        writer.WritePropertyName(Name(nameof(LookupResponse.At)));
        JsonSerializer.Serialize(writer, at, options);
        writer.WritePropertyName(Name(nameof(LookupResponse.Location)));
        WriteLocation(writer, options, Name);
        writer.WritePropertyName(Name(nameof(LookupResponse.Results)));
        writer.WriteStartArray();
        foreach (var result in results)
        {
            result.WriteTo(writer);
        }
        writer.WriteEndArray();
        writer.WritePropertyName(Name(nameof(LookupResponse.EmergencyNumbers)));
        JsonSerializer.Serialize(writer, emergencyNumbers, options);
        writer.WritePropertyName(Name(nameof(LookupResponse.ContainsSample)));
        writer.WriteBooleanValue(containsSample);
        writer.WritePropertyName(Name(nameof(LookupResponse.NextChangeHorizon)));
        JsonSerializer.Serialize(writer, NextChangeHorizon(at), options);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The location as <see cref="LocationAnswer"/> serialises, with the regions and the source notes
    /// (the same few objects in every answer) copied from JSON written once per object.
    /// </summary>
    private void WriteLocation(Utf8JsonWriter writer, JsonSerializerOptions options, Func<string, string> name)
    {
        writer.WriteStartObject();
        writer.WriteString(name(nameof(LocationAnswer.Input)), location.Input);
        writer.WritePropertyName(name(nameof(LocationAnswer.Regions)));
        writer.WriteStartArray();
        foreach (var region in location.Regions)
        {
            writer.WriteRawValue(json.WrittenOnce(region), skipInputValidation: true);
        }
        writer.WriteEndArray();
        writer.WritePropertyName(name(nameof(LocationAnswer.BoundaryDate)));
        JsonSerializer.Serialize(writer, location.BoundaryDate, options);
        writer.WritePropertyName(name(nameof(LocationAnswer.Candidates)));
        JsonSerializer.Serialize(writer, location.Candidates, options);
        writer.WriteNumber(name(nameof(LocationAnswer.CandidatesTotal)), location.CandidatesTotal);
        writer.WriteBoolean(name(nameof(LocationAnswer.CandidatesTruncated)), location.CandidatesTruncated);
        writer.WriteBoolean(name(nameof(LocationAnswer.Ambiguous)), location.Ambiguous);
        writer.WritePropertyName(name(nameof(LocationAnswer.Attribution)));
        writer.WriteRawValue(json.WrittenOnce(location.Attribution), skipInputValidation: true);
        writer.WritePropertyName(name(nameof(LocationAnswer.Notes)));
        JsonSerializer.Serialize(writer, location.Notes, options);
        writer.WriteEndObject();
    }

    /// <summary>How far ahead the answer's nextChange values were searched, in Europe/Berlin local time with its offset.</summary>
    public static DateTimeOffset NextChangeHorizon(DateTimeOffset at)
    {
        var horizon = at + Schedules.ScheduleEvaluator.Horizon;
        return horizon.ToOffset(Schedules.LocalInstants.Berlin.GetUtcOffset(horizon));
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(LookupResponse), ["application/json"]));
}
