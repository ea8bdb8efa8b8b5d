using CsCheck;

namespace NetworkDirectory.Tests.Probes;

/// <summary>A generated request: what goes into the path, the query, the body and the headers.</summary>
public sealed record Probe(
    ApiOperation Operation, string Caller, IReadOnlyList<string> RouteValues, IReadOnlyList<(string Name, string Value)> Query,
    string? Body, string? ContentType, string? IfMatch)
{
    public string PathAndQuery =>
        Operation.Path(RouteValues) + (Query.Count == 0 ? "" : "?" + string.Join('&', Query.Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value))));

    public override string ToString() =>
        $"{Operation.Method} {Cut(PathAndQuery)} as {Caller}; Content-Type: {ContentType ?? "-"}; If-Match: {IfMatch ?? "-"}; body: {(Body is null ? "-" : Cut(Body))}";

    public static string Cut(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), $"… ({text.Length} chars)");
}

/// <summary>
/// Generators of malformed input. None of the values contains a .NET type name or a stack-trace marker,
/// so that an answer containing one cannot merely be echoing the request.
/// </summary>
public static class MalformedInputs
{
    public const string CurrentETag = "<current>";

    public static readonly string[] Callers = ["anonymous", "professional", "coordinator-in-scope", "coordinator-out-of-scope", "admin"];

    // Ids that exist in TestNetwork, of every entity kind, next to garbage.
    private static readonly string[] FixtureIds =
        ["ja-muc", "fbs-by", "ja-hh", "pol-test", "s-ja-muc-care", "s-fbs-labour", "c-ja-muc-office", "c-fbs-mail",
         "sch-office", "sch-oncall", "net-by", "net-hh", "inst-by-koop", "09", "09162", "02000", "pp-test", "DE"];

    private static readonly string[] OddStrings =
        ["", " ", "-1", "0", "1", "99999999999999999999", "1e400", "NaN", "Infinity", "-0", "1.5", "true", "null",
         "\0", "%00", "a\0b", "..", "a/b", "a?b#c", "ünïcødé-🙂", "\u202Eevil", "'; DROP TABLE agencies;--",
         "nd_0123456789abcdef", new string('x', 3000), "2026-02-30", "2026-13-01T25:61:00Z", "9999-12-31T23:59:59Z",
         "91", "-181", "48.137", "11.575", "180.0000001", "de", "xx-invalid-tag-yy", "youth_welfare_office", "monday", "25:00"];

    private static readonly string[] QueryNames = ["limit", "offset", "lat", "lon", "at", "region", "q", "foo", "", "$filter", "ids"];

    private static readonly string[] JsonValues =
        ["null", "true", "false", "0", "-1", "1.5", "1e400", "-1e400", "99999999999999999999", "12345678901234567890123", "\"\"", "\" \"",
         "\"x\"", "\"2026-02-30\"", "\"2026-01-01\"", "\"25:00\"", "\"08:00\"", "\"monday\"", "\"09\"", "\"09162\"", "\"NaN\"",
         "\"\\u0000\"", "\"🙂\"", "\"ja-muc\"", "\"https://x.example.org\"", "\"nicht-https\"", "\"" + new string('y', 20_000) + "\"",
         "[]", "[null]", "[null,null]", "[\"\"]", "[\"de\",null]", "[1]", "[{}]", "[[null]]", "[{\"agencyId\":null}]",
         "{}", "{\"x\":null}", "{\"latitude\":null,\"longitude\":\"x\"}", "{\"latitude\":91,\"longitude\":200}",
         "{\"latitude\":\"NaN\",\"longitude\":1e400}", "[{\"startDay\":1,\"startTime\":8}]", "[{\"date\":\"x\",\"closed\":\"yes\"}]",
         "{\"type\":\"Polygon\",\"type\":\"Point\"}", "{\"type\":\"Polygon\",\"coordinates\":[[[10,50],[11,50],[11,51],[10,50]]]}"];

    private static readonly string[] RawBodies =
        ["", "{", "[", "nul", "\"x\"", "123", "{\"a\":", "{}", "[]", "null", "[{}]", "\0", "{\"ids\":[null]}", "{\"ids\":[1,2]}",
         "{\"ids\":\"ja-muc\"}", "{\"a\":1,\"a\":2}", "\uFEFF{}", "{'single':'quotes'}", "{\"x\":1}trailing", "<xml/>", "a=b&c=d",
         new string('[', 300) + new string(']', 300), string.Concat(Enumerable.Repeat("{\"x\":", 200)) + "1" + new string('}', 200),
         "\"" + new string('z', 200_000) + "\""];

    private static readonly string?[] ContentTypes =
        [null, "application/json", "application/json; charset=utf-8", "application/merge-patch+json", "text/plain",
         "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1"];

    private static readonly string?[] IfMatches =
        [null, CurrentETag, CurrentETag, "W/" + CurrentETag, "\"0\"", "\"1\"", "\"999999999999\"", "\"-1\"", "*", "garbage", "\"\"", ", ,"];

    // A NUL in the path never reaches the application (Kestrel and the test server refuse the request line).
    private static readonly Gen<string> RouteValue =
        Gen.Frequency((3, Gen.OneOf(FixtureIds)), (2, Gen.OneOf([.. OddStrings.Where(s => !s.Contains('\0', StringComparison.Ordinal))])));

    private static Gen<(string, string)> QueryPair(ApiOperation op) =>
        Gen.Select(op.QueryNames.Count > 0 ? Gen.Frequency((3, Gen.OneOf([.. op.QueryNames])), (1, Gen.OneOf(QueryNames))) : Gen.OneOf(QueryNames),
            Gen.OneOf(OddStrings));

    private static Gen<string> ObjectBody(ApiOperation op) =>
        Gen.Select(
            op.BodyProperties.Count > 0 ? Gen.OneOf([.. op.BodyProperties.Select(p => p.Name)]).Array[0, 4] : Gen.Const(Array.Empty<string>()),
            Gen.OneOf(JsonValues).Array[4],
            Gen.Bool,
            (names, values, unknown) =>
                "{" + string.Join(',', names.Select((n, i) => $"\"{n}\":{values[i]}").Concat(unknown ? ["\"unknownProperty\":1"] : [])) + "}");

    private static Gen<string?> Body(ApiOperation op) =>
        Gen.Frequency(
            (1, Gen.Const((string?)null)),
            (2, Gen.OneOf(RawBodies).Select(b => (string?)b)),
            (1, Gen.OneOf(JsonValues).Select(b => (string?)b)),
            (op.BodyProperties.Count > 0 ? 6 : 1, ObjectBody(op).Select(b => (string?)b)));

    public static Gen<Probe> For(IReadOnlyList<ApiOperation> operations) =>
        Gen.OneOf([.. operations]).SelectMany(op => Gen.Select(
            Gen.OneOf(Callers),
            RouteValue.Array[op.RouteNames.Count],
            QueryPair(op).Array[0, 4],
            op.Method is "GET" or "DELETE" ? Gen.Frequency((4, Gen.Const((string?)null)), (1, Body(op))) : Body(op),
            Gen.OneOf(ContentTypes),
            Gen.OneOf(IfMatches),
            (caller, route, query, body, contentType, ifMatch) => new Probe(op, caller, route, query, body, contentType, ifMatch)));
}
