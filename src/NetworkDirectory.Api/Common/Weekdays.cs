namespace NetworkDirectory.Api.Common;

/// <summary>Weekdays as the API writes them ("monday" … "sunday") and as the database stores them (ISO 8601: 1 = Monday … 7 = Sunday).</summary>
public static class Weekdays
{
    public static readonly IReadOnlyList<string> Names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static string Name(int isoDay) => Names[isoDay - 1];

    /// <summary>The ISO day number of a name; 0 when it is not one.</summary>
    public static int IsoDay(string? name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name) return i + 1;
        }
        return 0;
    }
}
