using System.ComponentModel;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Cards;

/// <summary>
/// The contact sheet's print stylesheet, shipped inside the assembly and served at a path that carries a hash
/// of its bytes (<see cref="Path"/>), so it may be cached for a year: a changed stylesheet has a new path, and
/// the sheet links whichever is current.
/// </summary>
public static class ContactSheetStyle
{
    public const string MediaType = "text/css";
    public const string Route = "/assets/{version}/contact-sheet.css";

    public static string Css { get; } = Load();

    /// <summary>The first 12 hex digits of the stylesheet's SHA-256.</summary>
    public static string Version { get; } = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Css)))[..12];

    public static string Path { get; } = Route.Replace("{version}", Version, StringComparison.Ordinal);

    public static Results<ContentHttpResult, ProblemHttpResult> Get(
        HttpContext http, [Description("The stylesheet's version, as the contact sheet links it.")] string version)
    {
        if (version != Version)
        {
            return ProblemSetup.NotFound("stylesheet version", version);
        }
        CacheHeaders.Immutable(http);
        return TypedResults.Text(Css, MediaType + "; charset=utf-8");
    }

    private static string Load()
    {
        using var stream = typeof(ContactSheetStyle).Assembly.GetManifestResourceStream("cards/contact-sheet.css")
            ?? throw new InvalidOperationException("The embedded stylesheet cards/contact-sheet.css is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
