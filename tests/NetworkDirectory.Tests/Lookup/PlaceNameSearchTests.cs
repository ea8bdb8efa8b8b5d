using NetworkDirectory.Api.Lookup;

namespace NetworkDirectory.Tests.Lookup;

/// <summary>The place-name search on a handful of real names (BKG GEN and BEZ as the boundaries carry them).</summary>
public sealed class PlaceNameSearchTests
{
    private static readonly SnapshotRegion[] Regions =
    [
        new("03255016", "gemeinde", "Halle", "Gemeinde", "03255", null),
        new("03456008", "gemeinde", "Halle", "Gemeinde", "03456", null),
        new("05754012", "gemeinde", "Halle (Westf.)", "Stadt", "05754", null),
        new("05958020", "gemeinde", "Hallenberg", "Stadt", "05958", null),
        new("15002000", "gemeinde", "Halle (Saale)", "Stadt", "15002", null),
        new("15002", "kreis", "Halle (Saale)", "Kreisfreie Stadt", "15", null),
        new("09162000", "gemeinde", "München", "Stadt", "09162", null),
        new("09162", "kreis", "München", "Kreisfreie Stadt", "091", null),
        new("09184", "kreis", "München", "Landkreis", "091", null),
        new("10045117", "gemeinde", "St. Ingbert", "Stadt", "10045", null),
        new("07138068", "gemeinde", "Sankt Katharinen", "Gemeinde", "07138", null),
        new("14628270", "gemeinde", "Stadt Wehlen", "Stadt", "14628", null),
        new("06441016", "gemeinde", "Offenbach am Main", "Stadt", "06413", null),
        new("07337062", "gemeinde", "Offenbach an der Queich", "Gemeinde", "07337", null),
        new("091", "regierungsbezirk", "Halle", "Regierungsbezirk", "09", null),
    ];

    private static readonly PlaceNames Names = PlaceNames.Of(Regions);

    private static string[] Keys(string query, int take = 10) => [.. Names.Search(query, take).Matches.Select(r => r.Key)];

    [Fact]
    public void ExactNamesComeFirstThenOfficialNamesThatContinueThemThenLongerWords() =>
        Assert.Equal(["03255016", "03456008", "15002000", "15002", "05754012", "05958020"], Keys("Halle"));

    [Theory]
    [InlineData("Muenchen")]
    [InlineData("MÜNCHEN")]
    [InlineData("mu\u0308nchen")]          // NFD: u + combining diaeresis, as some keyboards and forms send it
    [InlineData("  München ")]
    public void SpellingsOfAnUmlautFindTheSamePlaces(string query) =>
        Assert.Equal(["09162000", "09162", "09184"], Keys(query));

    [Theory]
    [InlineData("Sankt Ingbert", "10045117")]
    [InlineData("St. Ingbert", "10045117")]
    [InlineData("St Ingbert", "10045117")]
    [InlineData("st.ingbert", "10045117")]
    [InlineData("St. Katharinen", "07138068")]
    [InlineData("Offenbach", "06441016")]
    [InlineData("Stadt Wehlen", "14628270")]
    [InlineData("Strasse", null)]
    public void SanktAndStAreOneNameAndOfficialNamesAreFoundByTheirFirstWord(string query, string? first) =>
        Assert.Equal(first, Keys(query).FirstOrDefault());

    [Theory]
    [InlineData("Landkreis München", new[] { "09184", "09162000", "09162" })]
    [InlineData("Kreis München", new[] { "09162", "09184", "09162000" })]
    [InlineData("Stadt München", new[] { "09162000", "09162", "09184" })]
    public void ALeadingKindIsOptionalAndPrefersRegionsOfThatKind(string query, string[] expected) =>
        Assert.Equal(expected, Keys(query));

    [Fact]
    public void TheTotalCountsEveryMatchWhenTheListIsCut()
    {
        var (matches, total) = Names.Search("Hal", 3);
        Assert.Equal(["03255016", "03456008", "15002000"], matches.Select(r => r.Key));
        Assert.Equal(6, total);
    }

    [Fact]
    public void OnlyGemeindenKreiseAndLaenderAreSearched() =>
        Assert.DoesNotContain("091", Keys("Halle"));
}
