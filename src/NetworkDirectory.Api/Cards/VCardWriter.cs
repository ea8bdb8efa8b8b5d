using System.Globalization;
using System.Text;

namespace NetworkDirectory.Api.Cards;

/// <summary>
/// Writes vCard 4.0 (RFC 6350) content lines: text values escaped (backslash, comma, semicolon,
/// newline; § 3.4), lines folded at 75 octets without splitting a UTF-8 sequence (§ 3.2), CRLF.
/// </summary>
public sealed class VCardWriter
{
    private readonly StringBuilder _text = new();

    public VCardWriter Line(string nameAndParameters, string value)
    {
        Fold(nameAndParameters + ":" + value);
        return this;
    }

    public VCardWriter Text(string nameAndParameters, string? value) => value is null ? this : Line(nameAndParameters, Escape(value));

    /// <summary>A compound value (ADR, ORG): components separated by ';', each escaped.</summary>
    public VCardWriter Compound(string nameAndParameters, params string?[] components) =>
        Line(nameAndParameters, string.Join(";", components.Select(c => Escape(c ?? ""))));

    public override string ToString() => _text.ToString();

    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    private void Fold(string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                _text.Append("\r\n ");
                octets = 1;
            }
            _text.Append(rune.ToString());
            octets += size;
        }
        _text.Append("\r\n");
    }

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
