using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NetworkDirectory.Api.Writes;

/// <summary>New ids: a readable slug of the name plus a random suffix ("jugendamt-traunstein-7f3a").</summary>
public static class Ids
{
    public static string New(string prefix, string? name = null)
    {
        var slug = Slug(name ?? "");
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        return string.Join('-', new[] { prefix, slug, suffix }.Where(p => p.Length > 0));
    }

    private static string Slug(string name)
    {
        var folded = name.ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
    }
}
