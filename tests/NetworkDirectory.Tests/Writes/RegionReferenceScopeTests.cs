using System.Collections;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Tests.Writes;

/// <summary>
/// Generated from the write shapes: every field of every writable entity is found by reflection
/// (nested objects and lists included) and must be classified here. A field that names a region or
/// an entity that lies in one (keys, polygons, schedule, agency, network ids, members) is written in
/// scope and out of scope by a Bayern coordinator, on create and on change: in scope succeeds, out of
/// scope is refused and leaves no trace. A new field fails the test until it is classified, and a
/// field whose name says it refers to something cannot be classified as carrying no region.
/// </summary>
public sealed class RegionReferenceScopeTests(RegionReferenceScopeTests.Fixture fixture) : IClassFixture<RegionReferenceScopeTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiFactory Factory { get; } = new();
        public HttpClient Admin { get; private set; } = null!;
        public HttpClient Coordinator { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await ScopeBoundaries.ImportAsync(Factory);
            Admin = Factory.CreateClientAs(Roles.Admin);
            Coordinator = Factory.CreateClientAs(Roles.Coordinator, "09");
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>A body every Bayern coordinator may create, per write shape.</summary>
    private static readonly Dictionary<Type, string> Bases = new()
    {
        [typeof(NetworkDirectory.Api.Agencies.AgencyData)] = """{"name":"Scope probe","kind":"other","regionKey":"09162"}""",
        [typeof(NetworkDirectory.Api.Services.ServiceData)] = """{"agencyId":"ja-muc","responsibility":"interpreting","coverage":{"regionKeys":["09162"]}}""",
        [typeof(NetworkDirectory.Api.Contacts.ContactData)] = """{"agencyId":"ja-muc","kind":"office","channel":"phone","value":"+498999998555","visibility":"public"}""",
        [typeof(NetworkDirectory.Api.Schedules.ScheduleData)] = """{"label":"Scope probe","alwaysOpen":true,"regionKey":"09"}""",
        [typeof(NetworkDirectory.Api.Networks.NetworkData)] = """{"name":"Scope probe","scope":"regional","status":"planned","regionKeys":["09"]}""",
        [typeof(NetworkDirectory.Api.Networks.InstrumentData)] = """{"networkId":"net-by","type":"guideline","title":"Scope probe","targetGroup":"both"}""",
    };

    /// <summary>How an out-of-scope value is refused: 403 naming the foreign region, or 400 naming the field (a value the data itself rules out).</summary>
    public sealed record Carrying(string InScope, string OutOfScope, string ForeignRegion, bool RefusedAsInvalid = false);

    /// <summary>Fields that carry a region reference: a merge patch with a value in Bayern and one outside.</summary>
    private static readonly Dictionary<string, Carrying> RegionCarrying = new()
    {
        ["agency.regionKey"] = new("""{"regionKey":"09184"}""", """{"regionKey":"02000"}""", "02000"),
        ["service.agencyId"] = new("""{"agencyId":"ja-lkm"}""", """{"agencyId":"ja-hh"}""", "02000"),
        ["service.coverage.regionKeys"] = new("""{"coverage":{"regionKeys":["09184"]}}""", """{"coverage":{"regionKeys":["02000"]}}""", "02000"),
        ["service.coverage.customRegions"] = new("""{"coverage":{"customRegions":["pp-test"]}}""", """{"coverage":{"customRegions":["pp-hh"]}}""", "02"),
        ["service.coveragePolygon"] = new($$"""{"coveragePolygon":{{ScopeBoundaries.PolygonInMuenchen}}}""", $$"""{"coveragePolygon":{{ScopeBoundaries.PolygonIntoHessen}}}""", "06"),
        ["contact.agencyId"] = new("""{"agencyId":"ja-lkm"}""", """{"agencyId":"ja-hh"}""", "02000"),
        ["contact.serviceId"] = new("""{"serviceId":"s-ja-muc-care"}""", """{"serviceId":"s-ja-hh-care"}""", "", RefusedAsInvalid: true),
        ["contact.scheduleId"] = new("""{"scheduleId":"sch-office"}""", """{"scheduleId":"sch-hh"}""", "02"),
        ["schedule.regionKey"] = new("""{"regionKey":"09162"}""", """{"regionKey":"02"}""", "02"),
        ["schedule.holidayRegionKey"] = new("""{"holidayRegionKey":"09"}""", """{"holidayRegionKey":"02"}""", "02"),
        ["network.regionKeys"] = new("""{"regionKeys":["09162"]}""", """{"regionKeys":["02"]}""", "02"),
        ["network.coordinatingAgencyId"] = new("""{"coordinatingAgencyId":"ja-lkm"}""", """{"coordinatingAgencyId":"ja-hh"}""", "02000"),
        ["network.members[].agencyId"] = new(
            """{"members":[{"agencyId":"ja-lkm","role":"member"}]}""", """{"members":[{"agencyId":"ja-hh","role":"member"}]}""", "02000"),
        ["instrument.networkId"] = new("""{"networkId":"net-by"}""", """{"networkId":"net-hh"}""", "02"),
    };

    /// <summary>Fields that name no region and no entity in one.</summary>
    private static readonly HashSet<string> NoRegion =
    [
        "agency.name", "agency.kind", "agency.operator", "agency.address.street", "agency.address.postalCode", "agency.address.city",
        // The agency's point on a map: shown, never used to decide who answers where.
        "agency.location.latitude", "agency.location.longitude",
        "agency.website", "agency.email", "agency.languages", "agency.accessibility", "agency.internalNotes",
        "service.responsibility", "service.exploitationForms", "service.targetGroup.minAge", "service.targetGroup.maxAge",
        "service.targetGroup.minorsOnly", "service.targetGroup.unaccompaniedOnly", "service.priority", "service.notes",
        "contact.kind", "contact.channel", "contact.value", "contact.label", "contact.languages", "contact.visibility", "contact.sortOrder",
        "schedule.label", "schedule.alwaysOpen", "schedule.closedOnPublicHolidays", "schedule.openOnPublicHolidays", "schedule.validFrom",
        "schedule.validUntil", "schedule.windows[].startDay", "schedule.windows[].startTime", "schedule.windows[].endDay",
        "schedule.windows[].endTime", "schedule.exceptions[].date", "schedule.exceptions[].closed", "schedule.exceptions[].openFrom",
        "schedule.exceptions[].openUntil", "schedule.exceptions[].note",
        "network.name", "network.scope", "network.status", "network.members[].role", "network.members[].joinedOn", "network.description",
        "network.establishedOn", "network.website",
        "instrument.type", "instrument.title", "instrument.binding", "instrument.published", "instrument.signedOn", "instrument.url",
        "instrument.targetGroup", "instrument.exploitationForms",
    ];

    /// <summary>What a field's name says when it refers to a region or to an entity that lies in one.</summary>
    private static bool NameSaysReference(string path)
    {
        var last = path[(path.LastIndexOf('.') + 1)..];
        return last.EndsWith("Id", StringComparison.Ordinal) || last.EndsWith("Key", StringComparison.Ordinal)
            || last.EndsWith("Keys", StringComparison.Ordinal) || last.EndsWith("Regions", StringComparison.Ordinal)
            || last.EndsWith("Polygon", StringComparison.Ordinal) || last.Contains("region", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every writable entity: its entity name, write shape and collection URL, from the application itself.</summary>
    public static IReadOnlyList<(string Entity, Type Shape, string Collection)> WriteShapes(ApiFactory factory)
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        return typeof(WritableResource<>).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(WritableResource<>))
            .Select(t =>
            {
                var resource = factory.Services.GetRequiredService(t);
                var entity = (string)t.GetProperty(nameof(WritableResource<object>.EntityType))!.GetValue(resource)!;
                var getRoute = (string)t.GetProperty(nameof(WritableResource<object>.GetRouteName))!.GetValue(resource)!;
                var pattern = endpoints.Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == getRoute).RoutePattern.RawText!;
                return (entity, t.BaseType!.GetGenericArguments()[0], "/" + pattern.Trim('/')[..pattern.Trim('/').IndexOf("/{id}", StringComparison.Ordinal)]);
            })
            .OrderBy(s => s.entity, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The JSON paths of a write shape's leaves ("service.coverage.regionKeys", "network.members[].agencyId").</summary>
    public static IEnumerable<string> Fields(string prefix, Type type, JsonNamingPolicy naming)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var path = $"{prefix}.{naming.ConvertName(property.Name)}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = propertyType != typeof(string) && propertyType.IsGenericType && typeof(IEnumerable).IsAssignableFrom(propertyType)
                ? propertyType.GetGenericArguments()[0]
                : null;
            if (IsShape(element))
            {
                foreach (var field in Fields(path + "[]", element!, naming)) yield return field;
            }
            else if (IsShape(propertyType))
            {
                foreach (var field in Fields(path, propertyType, naming)) yield return field;
            }
            else
            {
                yield return path;
            }
        }
    }

    /// <summary>A record of the API's own (a nested part of a write shape), not a framework or JSON type.</summary>
    private static bool IsShape(Type? type) =>
        type is { IsClass: true } && type.Assembly == typeof(WritableResource<>).Assembly && type.GetMethod("<Clone>$") is not null;

    private List<(string Entity, Type Shape, string Collection)> Shapes => [.. WriteShapes(fixture.Factory)];

    private JsonNamingPolicy Naming =>
        fixture.Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.PropertyNamingPolicy!;

    [Fact]
    public void EveryFieldOfEveryWriteShapeIsClassified()
    {
        var shapes = Shapes;
        Assert.True(shapes.Count >= 6, $"found the write shapes: {string.Join(", ", shapes.Select(s => s.Entity))}");
        var failures = new List<string>();
        foreach (var (entity, shape, _) in shapes)
        {
            if (!Bases.ContainsKey(shape))
            {
                failures.Add($"{entity}: a new write shape; add a body a Bayern coordinator may create to Bases.");
            }
            foreach (var field in Fields(entity, shape, Naming))
            {
                var carrying = RegionCarrying.ContainsKey(field);
                if (!carrying && !NoRegion.Contains(field))
                {
                    failures.Add($"{field}: a new field. Does it name a region or an entity in one? Add it to RegionCarrying " +
                        "with a value in Bayern and one outside (and give its resource the scope check), or to NoRegion.");
                }
                else if (!carrying && NameSaysReference(field))
                {
                    failures.Add($"{field}: its name says it refers to something; classify it as RegionCarrying.");
                }
            }
        }
        var known = shapes.SelectMany(s => Fields(s.Entity, s.Shape, Naming)).ToHashSet();
        failures.AddRange(RegionCarrying.Keys.Concat(NoRegion).Where(f => !known.Contains(f)).Select(f => $"{f}: no longer a field; remove it here."));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static TheoryData<string> CarryingFields
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in RegionCarrying.Keys.Order(StringComparer.Ordinal)) data.Add(name);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CarryingFields))]
    public async Task ARegionCarryingFieldIsWritableInScopeAndRefusedOutOfScope(string field)
    {
        var entity = field[..field.IndexOf('.')];
        var (_, shape, collection) = Shapes.Single(s => s.Entity == entity);
        var carrying = RegionCarrying[field];
        var body = JsonNode.Parse(Bases[shape])!;

        // Create: in scope succeeds; out of scope is refused and writes nothing.
        var created = await fixture.Coordinator.PostAsync(collection, Json(MergePatch.Apply(body.DeepClone(), JsonNode.Parse(carrying.InScope))));
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"create {field} in scope: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        await AssertRefusedAsync(carrying, () => fixture.Coordinator.PostAsync(collection, Json(MergePatch.Apply(body.DeepClone(), JsonNode.Parse(carrying.OutOfScope)))),
            $"create {field} out of scope");

        // Change: an entity created from the base by an admin, patched by the coordinator.
        var probe = await fixture.Admin.PostAsync(collection, Json(body));
        var id = (await HttpAssert.OkAsync(probe)).GetProperty("id").GetString()!;
        var etag = probe.Headers.ETag!.Tag;
        await AssertRefusedAsync(carrying, () => Patch(collection, id, etag, carrying.OutOfScope), $"patch {field} out of scope");
        var patched = await Patch(collection, id, etag, carrying.InScope);
        Assert.True(patched.StatusCode == HttpStatusCode.OK, $"patch {field} in scope: {(int)patched.StatusCode} {await patched.Content.ReadAsStringAsync()}");
    }

    private async Task AssertRefusedAsync(Carrying carrying, Func<Task<HttpResponseMessage>> send, string what)
    {
        var auditRows = AuditRows();
        var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        if (carrying.RefusedAsInvalid)
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {body}");
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {(int)response.StatusCode} {body}");
            var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
            Assert.True(detail.Contains($"concerns {carrying.ForeignRegion}", StringComparison.Ordinal), $"{what}: the reason names {carrying.ForeignRegion} first: {detail}");
        }
        Assert.Equal(auditRows, AuditRows());
    }

    private long AuditRows()
    {
        using var connection = fixture.Factory.OpenDatabase();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM audit");
    }

    private Task<HttpResponseMessage> Patch(string collection, string id, string etag, string patch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"{collection}/{id}")
        {
            Content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return fixture.Coordinator.SendAsync(request);
    }

    private static StringContent Json(JsonNode? node) => new(node!.ToJsonString(), Encoding.UTF8, "application/json");
}
