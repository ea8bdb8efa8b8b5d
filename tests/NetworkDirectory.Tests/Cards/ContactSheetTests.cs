using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Cards;
using NetworkDirectory.Api.Lookup;

namespace NetworkDirectory.Tests.Cards;

/// <summary>The contact sheet of München (09162) on the fixture network (<see cref="TestNetwork"/>).</summary>
public sealed class ContactSheetTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Url = "/v1/regions/09162/contact-sheet";

    private async Task<string> SheetAsync(HttpClient client, string url = Url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Contains("style-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task AnAnonymousSheetNamesTheAgenciesWithTheirPublicNumbersOnly()
    {
        var html = await SheetAsync(factory.CreateSeededClient());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"de\">", html);
        Assert.Contains("<h1>Kontaktblatt Kinderschutz: Kreisfreie Stadt München</h1>", html);
        Assert.Contains("Kreis 09162", html);
        Assert.Contains("<h3>Jugendamt München (Test)</h3>", html);
        Assert.Contains("<a href=\"tel:+498999998101\" class=\"tel\">+49 89 99998101</a>", html);
        Assert.Contains("Mo 08:00–16:00, Fr 08:00–13:00; an Feiertagen geschlossen", html);
        // The Jugendamt's night duty is reached via 110 for the public; its direct number is for professionals.
        Assert.Contains("über Polizei-Notruf <a href=\"tel:110\" class=\"tel\">110</a>", html);
        Assert.Contains("<span class=\"hours\">Mo 16:00–08:00, Fr 13:00–Mo 08:00</span>", html);
        Assert.DoesNotContain("498999998999", html);
        Assert.DoesNotContain("99998999", html);
        Assert.DoesNotContain("erika.beispiel", html);
        Assert.DoesNotContain("nur Fachkräfte", html);
        // 110 and 112 on top; the police unit through its custom region; the nationwide hotline; a gap stated.
        Assert.Contains("<a href=\"tel:110\">110</a>", html);
        Assert.Contains("<a href=\"tel:112\">112</a>", html);
        Assert.Contains("<h3>Kriminalfachdezernat (Test)</h3>", html);
        Assert.Contains("<h3>Medizinische Hotline (Test)</h3>", html);
        Assert.Contains("Lücke: Im Verzeichnis ist keine Stelle für Krisenintervention und Bereitschaftsdienst in Kreisfreie Stadt München (09162) eingetragen. Im Notfall: Polizei 110.", html);
        Assert.Contains("BEISPIELDATEN", html);
        Assert.Contains("Datenstand 01.02.2026", html);
        Assert.Contains("Sichtbare Kontakte: öffentlich", html);
        // Styled only by the linked stylesheet: no inline style, no script.
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{ContactSheetStyle.Path}\">", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task AProfessionalKeySeesTheProfessionalOnCallNumberMarkedAsSuch()
    {
        var html = await SheetAsync(factory.CreateClientAs(Roles.Professional));
        Assert.Contains("<a href=\"tel:+498999998999\" class=\"tel\">+49 89 99998999</a> Rufbereitschaft direkt <span class=\"visibility\">nur Fachkräfte</span>", html);
        Assert.Contains("Enthält Nummern nur für Fachkräfte", html);
        Assert.Contains("Sichtbare Kontakte: öffentlich, nur Fachkräfte", html);
        Assert.DoesNotContain("erika.beispiel", html);
    }

    [Fact]
    public async Task TheSheetSpeaksEnglishWhenAsked()
    {
        var html = await SheetAsync(factory.CreateSeededClient(), Url + "?lang=en");
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html);
        Assert.Contains("<h2>Taking into care</h2>", html);
        Assert.Contains("Mon 08:00–16:00, Fri 08:00–13:00; closed on public holidays", html);
        Assert.Contains("Gap: no agency for Emergency intervention and on-call duty in Kreisfreie Stadt München (09162) is in the directory.", html);
        Assert.Contains("SAMPLE DATA", html);
    }

    [Fact]
    public async Task EveryValueIsHtmlEncoded()
    {
        var client = factory.CreateSeededClient();
        using (var connection = factory.OpenDatabase())
        {
            connection.Execute("UPDATE agencies SET name = @name WHERE id = 'ja-hh'", new { name = "Jugendamt <script>alert(\"x\")</script> & 'Co' (Test)" });
            connection.Execute("UPDATE contacts SET label = @label WHERE id = 'c-ja-muc-office'", new { label = "Zentrale <b onmouseover=x>" });
        }
        await factory.Services.GetRequiredService<DirectorySnapshotHolder>().ReloadAsync();
        try
        {
            var muenchen = await SheetAsync(client);
            Assert.Contains("Zentrale &lt;b onmouseover=x&gt;", muenchen);
            var hamburg = await SheetAsync(client, "/v1/regions/02000/contact-sheet");
            Assert.Contains("<h3>Jugendamt &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39; (Test)</h3>", hamburg);
            Assert.DoesNotContain("<script", hamburg);
        }
        finally
        {
            using var connection = factory.OpenDatabase();
            connection.Execute("UPDATE agencies SET name = 'Jugendamt Hamburg (Test)' WHERE id = 'ja-hh'");
            connection.Execute("UPDATE contacts SET label = 'Zentrale' WHERE id = 'c-ja-muc-office'");
            await factory.Services.GetRequiredService<DirectorySnapshotHolder>().ReloadAsync();
        }
    }

    [Theory]
    [InlineData("09", "'09' (Bayern) is a Land; a contact sheet is per Kreis")]
    [InlineData("091", "'091' (Oberbayern) is a Regierungsbezirk; a contact sheet is per Kreis")]
    [InlineData("09162000", "'09162000' (München) is a Gemeinde; a contact sheet is per Kreis (5-digit key). Its Kreis is 09162")]
    [InlineData("DE", "is the country; a contact sheet is per Kreis")]
    public async Task AKeyOfAnotherLevelIsAProblemThatSaysSo(string key, string detail)
    {
        var problem = await HttpAssert.ProblemAsync(await factory.CreateSeededClient().GetAsync($"/v1/regions/{key}/contact-sheet"), 422);
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownKreisIsNotFound()
    {
        var problem = await HttpAssert.ProblemAsync(await factory.CreateSeededClient().GetAsync("/v1/regions/09999/contact-sheet"), 404);
        Assert.Contains("09999", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/v1/regions/abc/contact-sheet", "key", "'abc' is not a region key")]
    [InlineData("/v1/regions/09162/contact-sheet?lang=fr", "lang", "'fr' is not a language of the contact sheet: use de or en.")]
    public async Task BadInputIsAValidationProblem(string url, string field, string message) =>
        Assert.StartsWith(message, await HttpAssert.InvalidAsync(await factory.CreateSeededClient().GetAsync(url), field));

    [Fact]
    public async Task TheStylesheetIsServedAtItsVersionForAYear()
    {
        var client = factory.CreateSeededClient();
        var response = await client.GetAsync(ContactSheetStyle.Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        var css = await response.Content.ReadAsStringAsync();
        Assert.Contains("@page", css);
        Assert.Contains("size: A4", css);
        Assert.Contains("break-inside: avoid", css);

        var old = await client.GetAsync("/assets/000000000000/contact-sheet.css");
        await HttpAssert.ProblemAsync(old, 404);
        Assert.Equal("no-store, private", old.Headers.CacheControl!.ToString());
    }
}
