using System.CommandLine;
using System.Globalization;

namespace NetworkDirectory.Api.Commands;

/// <summary>A date option that takes only yyyy-MM-dd, whatever the server's culture; a malformed date is a usage error naming the option.</summary>
public static class DateOptions
{
    public static Option<DateOnly?> Create(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "yyyy-MM-dd",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            result.AddError($"{name}: '{text}' is not a date; write it as yyyy-MM-dd, e.g. 2021-01-01.");
            return null;
        },
    };
}
