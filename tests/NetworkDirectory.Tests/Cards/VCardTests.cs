using System.Net;
using System.Text;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Cards;

namespace NetworkDirectory.Tests.Cards;

public sealed class VCardWriterTests
{
    [Fact]
    public void TextValuesAreEscaped() =>
        Assert.Equal("NOTE:a\\, b\\; c\\\\d\\ne\r\n", new VCardWriter().Text("NOTE", "a, b; c\\d\ne").ToString());

    [Fact]
    public void LongLinesFoldAt75OctetsWithoutSplittingAUtf8Sequence()
    {
        var card = new VCardWriter().Text("NOTE", string.Concat(Enumerable.Repeat("Jugendnotdienst München – Übergabe ", 6))).ToString();
        Assert.EndsWith("\r\n", card);
        var lines = card[..^2].Split("\r\n");
        Assert.True(lines.Length > 2);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        // Unfolding gives the line back.
        Assert.Equal(new VCardWriter().Text("NOTE", string.Concat(Enumerable.Repeat("Jugendnotdienst München – Übergabe ", 6))).ToString().Replace("\r\n ", ""), string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..])) + "\r\n");
        Assert.DoesNotContain('\uFFFD', string.Concat(lines));
    }
}

public sealed class VCardEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static IReadOnlyList<string> Unfold(string card) => card.Replace("\r\n ", "").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task AnAnonymousCallerGetsAVCardWithThePublicContactsOnly()
    {
        var response = await factory.CreateSeededClient().GetAsync("/v1/agencies/ja-muc/vcard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vcard", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("ja-muc.vcf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(text.Replace("\r\n", ""), c => c == '\n');
        var lines = Unfold(text);
        Assert.Equal("BEGIN:VCARD", lines[0]);
        Assert.Equal("VERSION:4.0", lines[1]);
        Assert.Equal("END:VCARD", lines[^1]);
        Assert.Contains("KIND:org", lines);
        Assert.Contains("FN:Jugendamt München (Test)", lines);
        Assert.Contains("TEL;VALUE=uri;TYPE=work,voice;PREF=1:tel:+498999998101", lines);
        Assert.DoesNotContain(lines, l => l.Contains("+498999998999", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("NOTE:BEISPIELDATEN", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("REV:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("UID", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProfessionalSeesTheProfessionalOnCallNumber()
    {
        factory.CreateSeededClient();
        var text = await (await factory.CreateClientAs(Roles.Professional).GetAsync("/v1/agencies/ja-muc/vcard")).Content.ReadAsStringAsync();
        Assert.Contains("TEL;VALUE=uri;TYPE=work,voice,pager;PREF=2:tel:+498999998999", Unfold(text));
    }

    [Fact]
    public async Task AnUnknownAgencyIsNotFound() =>
        await HttpAssert.ProblemAsync(await factory.CreateSeededClient().GetAsync("/v1/agencies/nobody/vcard"), 404);
}
