using Dapper;
using Microsoft.Data.Sqlite;
using static NetworkDirectory.Tests.Geography.Squares;

namespace NetworkDirectory.Tests.Commands;

/// <summary>`boundaries import` and `postalcodes import` through the command-line entry point, each into a database of its own.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _database = CliRun.TempDatabase();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nd-cli-");

    private string Setting => $"--Database:Path={_database}";

    [Fact]
    public async Task ARelativeSourceIsTakenFromTheCurrentDirectory()
    {
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "bkg"));
        File.WriteAllText(Path.Combine(_folder.FullName, "bkg", "kreise.geojson"), Thueringen());
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder.FullName, "elsewhere")).FullName;

        var result = await CliRun.InAsync(elsewhere, "boundaries", "import", "../bkg/kreise.geojson", "--as-of", "2024-12-31", Setting, "--Database:LoadSample=false");

        Assert.True(result.Code == 0, result.Error);
        Assert.Equal(["Imported 1 land, 2 kreis from Verwaltungsgebiete, Stand 31.12.2024 (kreise.geojson).", "No key disappeared."], result.OutputLines);
        Assert.Equal("", result.Error);
        using var connection = new SqliteConnection($"Data Source={_database};Pooling=False");
        Assert.Equal("2024-12-31", connection.ExecuteScalar<string>("SELECT boundary_date FROM regions WHERE key = '16063'"));
    }

    [Fact]
    public async Task AnImportThatMergesAKreisPrintsTheKeyChange()
    {
        var before = Path.Combine(_folder.FullName, "2020.geojson");
        var after = Path.Combine(_folder.FullName, "2024.geojson");
        File.WriteAllText(before, Thueringen());
        File.WriteAllText(after, Thueringen(withEisenach: false));
        Assert.Equal(0, (await CliRun.InAsync(_folder.FullName, "boundaries", "import", before, "--as-of", "2020-12-31", Setting, "--Database:LoadSample=false")).Code);

        var result = await CliRun.InAsync(_folder.FullName, "boundaries", "import", after, "--as-of", "2024-12-31", Setting, "--Database:LoadSample=false");

        Assert.True(result.Code == 0, result.Error);
        Assert.Equal(["Imported 1 land, 1 kreis from Verwaltungsgebiete, Stand 31.12.2024 (2024.geojson).",
                      "Keys without a boundary now (merged or dissolved): 16056.",
                      "key change: 16056 → 16063 (a lookup by 16056 answers for 16063)"], result.OutputLines);
    }

    [Fact]
    public async Task AMissingSourceNamesThePathThatWasTried()
    {
        var result = await CliRun.InAsync(_folder.FullName, "postalcodes", "import", "plz/zipcodes.de.csv", Setting);

        Assert.Equal(1, result.Code);
        Assert.Contains($"'{Path.Combine(_folder.FullName, "plz", "zipcodes.de.csv")}'", result.Error);
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("2021-13-01")]
    [InlineData("01.01.2021")]
    [InlineData("yesterday")]
    public async Task AMalformedAsOfIsAUsageErrorNamingIt(string asOf)
    {
        var result = await CliRun.InAsync(_folder.FullName, "boundaries", "import", "gemeinden.geojson", "--as-of", asOf, Setting);

        Assert.Equal(2, result.Code);
        Assert.StartsWith($"--as-of: '{asOf}' is not a date", result.Error);
        Assert.False(File.Exists(_database), "a usage error touches no database");
    }

    [Theory]
    [InlineData("boundaries", "import")]
    [InlineData("postalcodes", "import")]
    [InlineData("boundaries")]
    public async Task AMissingSourceOrSubcommandIsAUsageError(params string[] args)
    {
        var result = await CliRun.RunAsync([.. args, Setting]);

        Assert.Equal(2, result.Code);
        Assert.Contains("--help", result.Error);
    }

    [Theory]
    [InlineData("--as-of <yyyy-MM-dd>", "boundaries", "import", "--help")]
    [InlineData("<source>", "postalcodes", "import", "--help")]
    [InlineData("--as-of <yyyy-MM-dd>", "boundaries", "import", "-h")]
    public async Task HelpDescribesTheImport(string expected, params string[] args)
    {
        var result = await CliRun.RunAsync(args);

        Assert.Equal(0, result.Code);
        Assert.Contains(expected, result.Output);
        Assert.Contains("relative to the current directory", result.Output);
    }

    [Fact]
    public async Task AnInvalidSettingStopsTheCommandWithOneLine()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "kreise.geojson"), Thueringen());

        var result = await CliRun.InAsync(_folder.FullName, "boundaries", "import", "kreise.geojson", Setting, "--Geography:ImportPollSeconds=0");

        Assert.Equal(1, result.Code);
        Assert.StartsWith("Geography:ImportPollSeconds: must be at least 1", Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(File.Exists(_database), "nothing was created");
    }

    public void Dispose()
    {
        CliRun.DeleteDatabase(_database);
        _folder.Delete(recursive: true);
    }
}
