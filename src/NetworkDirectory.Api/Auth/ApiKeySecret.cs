using System.Security.Cryptography;
using System.Text;

namespace NetworkDirectory.Api.Auth;

/// <summary>
/// The key format <c>nd_&lt;id&gt;_&lt;secret&gt;</c>: a 16-hex-digit id that finds the row, and a
/// secret of 32 random bytes (base64url) that is stored only as SHA-256(salt || secret). A slow
/// hash (PBKDF2) protects guessable passwords; 256 random bits cannot be guessed, so one SHA-256
/// is enough and keeps every request cheap.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "nd_";
    private const int IdBytes = 8;
    private const int SecretBytes = 32;
    private const int SaltBytes = 16;

    public static (string Id, string Key) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>Splits a presented key into id and secret; false when it does not have the key format.</summary>
    public static bool TryParse(string key, out string id, out string secret)
    {
        id = secret = "";
        var idLength = IdBytes * 2;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length < Prefix.Length + idLength + 2 || key.Length > 200
            || key[Prefix.Length + idLength] != '_')
        {
            return false;
        }
        id = key.Substring(Prefix.Length, idLength);
        secret = key[(Prefix.Length + idLength + 1)..];
        return id.All(char.IsAsciiHexDigitLower) && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    /// <summary>What a list shows to recognise a key: the id and the first four characters of the secret.</summary>
    public static string DisplayPrefix(string key) =>
        TryParse(key, out var id, out var secret) ? $"{Prefix}{id}_{secret[..Math.Min(4, secret.Length)]}…" : "";

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltBytes);

    public static byte[] Hash(byte[] salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(input, 0);
        secretBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    public static bool Matches(byte[] salt, byte[] storedHash, string secret) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, secret), storedHash);
}
