using System.Text.RegularExpressions;
using Dapper;
using PhoneNumbers;

namespace NetworkDirectory.Tests.Sample;

/// <summary>Sample phone numbers, e-mail addresses and URLs cannot reach anybody real.</summary>
public sealed partial class SampleContactTests(SampleDatabase db) : IClassFixture<SampleDatabase>
{
    // Bundesnetzagentur media ranges (Mitteilung 148/2021): prefix + three free digits.
    private static readonly string[] MediaRanges = ["+493023125", "+496990009", "+494066969", "+492214710", "+498999998"];

    [GeneratedRegex(@"^\+\d{9,10}(?<suffix>\d{3})$")]
    private static partial Regex E164WithSuffix();

    [Fact]
    public void SamplePhoneNumbersLieInTheMediaRanges()
    {
        var phones = SamplePhones();
        Assert.NotEmpty(phones);
        Assert.All(phones, value =>
        {
            var range = MediaRanges.SingleOrDefault(prefix => value.StartsWith(prefix, StringComparison.Ordinal));
            Assert.True(range is not null, $"{value} is outside the media ranges");
            Assert.Matches(@"^\d{3}$", value[range.Length..]);
            Assert.Matches(E164WithSuffix(), value);
        });
    }

    [Fact]
    public void SamplePhoneNumbersAreValidGermanNumbersInE164()
    {
        var util = PhoneNumberUtil.GetInstance();
        Assert.All(SamplePhones(), value =>
        {
            var number = util.Parse(value, "DE");
            Assert.True(util.IsValidNumberForRegion(number, "DE"), $"{value} is not a valid German number");
            Assert.Equal(value, util.Format(number, PhoneNumberFormat.E164));
        });
    }

    [Fact]
    public void SamplePhoneNumbersAreUnique()
    {
        var phones = SamplePhones();
        Assert.Equal(phones.Count, phones.Distinct().Count());
    }

    [Fact]
    public void ViaPoliceEmergencyContactsPoint110()
    {
        using var connection = db.Open();
        var values = connection.Query<string>("SELECT value FROM contacts WHERE channel_code = 'via_police_emergency'").ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Equal("110", v));
    }

    [Fact]
    public void JugendamtOnCallIsDirectForProfessionalsAndVia110ForThePublic()
    {
        using var connection = db.Open();
        // at least one youth welfare office has both: its direct duty phone for professionals, 110 for everyone else
        var agencies = connection.Query<string>("""
            SELECT a.id FROM agencies a
            WHERE a.kind_code = 'youth_welfare_office'
              AND EXISTS (SELECT 1 FROM contacts c WHERE c.agency_id = a.id AND c.kind_code = 'on_call'
                          AND c.channel_code = 'phone' AND c.visibility = 'professional')
              AND EXISTS (SELECT 1 FROM contacts c WHERE c.agency_id = a.id AND c.kind_code = 'on_call'
                          AND c.channel_code = 'via_police_emergency' AND c.visibility = 'public')
            """);
        Assert.NotEmpty(agencies);
        Assert.Empty(connection.Query<string>("""
            SELECT id FROM contacts WHERE kind_code = 'on_call' AND channel_code = 'phone' AND visibility = 'public'
              AND agency_id IN (SELECT id FROM agencies WHERE kind_code = 'youth_welfare_office')
            """));
    }

    [Theory]
    [InlineData("SELECT email FROM agencies WHERE email IS NOT NULL")]
    [InlineData("SELECT value FROM contacts WHERE channel_code = 'email'")]
    public void EmailAddressesAreOnExampleOrg(string query)
    {
        using var connection = db.Open();
        var addresses = connection.Query<string>(query).ToList();
        Assert.NotEmpty(addresses);
        Assert.All(addresses, address =>
        {
            var at = address.IndexOf('@', StringComparison.Ordinal);
            Assert.True(at > 0, $"{address} is not an e-mail address");
            AssertExampleOrg(address[(at + 1)..]);
        });
    }

    [Theory]
    [InlineData("SELECT website FROM agencies WHERE website IS NOT NULL")]
    [InlineData("SELECT website FROM networks WHERE website IS NOT NULL")]
    [InlineData("SELECT url FROM instruments WHERE url IS NOT NULL")]
    [InlineData("SELECT value FROM contacts WHERE channel_code = 'web_form'")]
    public void UrlsAreHttpsOnExampleOrg(string query)
    {
        using var connection = db.Open();
        var urls = connection.Query<string>(query).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, url =>
        {
            Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri), $"{url} is not an absolute URL");
            Assert.Equal(Uri.UriSchemeHttps, uri.Scheme);
            AssertExampleOrg(uri.Host);
        });
    }

    [Fact]
    public void SomeContactsNameTheirLanguages()
    {
        using var connection = db.Open();
        var tags = connection.Query<string>("SELECT language FROM contact_languages UNION SELECT language FROM agency_languages").ToList();
        Assert.Contains("uk", tags);
        Assert.All(tags, tag => Assert.Matches("^[a-z]{2,3}(-[A-Z]{2})?$", tag));
        Assert.Empty(connection.Query<string>("SELECT id FROM agencies a WHERE NOT EXISTS (SELECT 1 FROM agency_languages l WHERE l.agency_id = a.id) AND sample = 1"));
    }

    [Fact]
    public void ContactsForProfessionalsAreNotPublishedElsewhereInTheSample()
    {
        // A mailbox or number that is only for professionals (or internal) must not reappear as an
        // agency's public e-mail or website, or as a public contact: anyone could read it there.
        using var connection = db.Open();
        var restricted = connection.Query<(string Id, string Value)>("SELECT id, value FROM contacts WHERE visibility <> 'public'").ToList();
        var published = connection.Query<string>(
            "SELECT email FROM agencies WHERE email IS NOT NULL UNION ALL SELECT website FROM agencies WHERE website IS NOT NULL " +
            "UNION ALL SELECT value FROM contacts WHERE visibility = 'public'").ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.NotEmpty(restricted);
        Assert.All(restricted, c => Assert.False(published.Contains(c.Value), $"{c.Id}: {c.Value} is restricted but also published"));
    }

    private static void AssertExampleOrg(string host) =>
        Assert.True(host == "example.org" || host.EndsWith(".example.org", StringComparison.Ordinal), $"{host} is not on example.org");

    private List<string> SamplePhones()
    {
        using var connection = db.Open();
        return connection.Query<string>("SELECT value FROM contacts WHERE channel_code = 'phone' AND sample = 1").ToList();
    }
}
