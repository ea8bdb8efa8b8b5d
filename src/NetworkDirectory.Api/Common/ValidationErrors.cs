using System.Net.Mail;
using PhoneNumbers;

namespace NetworkDirectory.Api.Common;

/// <summary>Collects field-level errors with sentences a coordinator can act on.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required.");
        }
        else
        {
            MaxLength(field, value, maxLength);
        }
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"{field} may hold at most {maxLength} characters; got {value.Length}.");
        }
    }

    public void Email(string field, string? value)
    {
        if (value is not null && !FieldFormats.IsEmail(value))
        {
            Add(field, $"{field}: '{value}' is not an e-mail address.");
        }
    }

    public void HttpsUrl(string field, string? value)
    {
        if (value is not null && !FieldFormats.IsHttpsUrl(value))
        {
            Add(field, $"{field}: '{value}' is not an https URL.");
        }
    }

    public void Languages(string field, IReadOnlyList<string>? tags)
    {
        if (tags is null)
        {
            return;
        }
        if (tags.Count > 30)
        {
            Add(field, $"{field} may list at most 30 languages.");
        }
        foreach (var (tag, i) in tags.Select((t, i) => (t, i)).Where(t => !LanguageTag.IsWellFormed(t.t)))
        {
            Add($"{field}[{i}]", LanguageTag.Invalid(tag));
        }
    }
}

public static class FieldFormats
{
    private static readonly string[] ShortNumbers = ["110", "112", "116111", "116117", "116006", "116016"];

    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    public static bool IsHttpsUrl(string value) =>
        value.Length <= 500 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    /// <summary>
    /// German or international phone numbers, normalised to E.164 with libphonenumber. Nationwide
    /// short numbers (110, 112, 116 111, …) are not "valid numbers" to it and are accepted as they are.
    /// </summary>
    public static bool TryNormalizePhone(string value, out string normalized)
    {
        normalized = "";
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '/' or '(' or ')')).ToArray());
        if (ShortNumbers.Contains(compact))
        {
            normalized = compact;
            return true;
        }
        var util = PhoneNumberUtil.GetInstance();
        try
        {
            var number = util.Parse(value, "DE");
            if (!util.IsValidNumber(number))
            {
                return false;
            }
            normalized = util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
