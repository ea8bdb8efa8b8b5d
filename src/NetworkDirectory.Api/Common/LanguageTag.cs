using System.Text.RegularExpressions;

namespace NetworkDirectory.Api.Common;

/// <summary>BCP 47 language tags, checked for shape (language, optional script, region and variants).</summary>
public static partial class LanguageTag
{
    public static bool IsWellFormed(string tag) => tag.Length <= 35 && Shape().IsMatch(tag);

    public static string Invalid(string tag) =>
        $"'{tag}' is not a BCP 47 language tag such as 'de', 'ar', 'uk' or 'fa-AF'.";

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$")]
    private static partial Regex Shape();
}
