using System.Buffers.Binary;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace NetworkDirectory.Api.Changes;

/// <summary>
/// A position in the change feed, opaque to clients: base64url of a version byte and its fields.
/// Version 1: the audit id of the last write a reader has applied (8 bytes, big-endian).
/// Version 2: inside the opening snapshot of a feed read without <c>since</c>: the audit id the
/// snapshot was taken at, then the kind (0 agencies, 1 networks) and the id after which it continues.
/// </summary>
public sealed record ChangeCursor(long AuditId, int? SnapshotKind = null, string? SnapshotAfter = null)
{
    private const byte TailVersion = 1;
    private const byte SnapshotVersion = 2;

    public bool InSnapshot => SnapshotKind is not null;

    public static ChangeCursor Snapshot(long watermark, int kind, string after) => new(watermark, kind, after);

    public string Encode()
    {
        if (SnapshotKind is not { } kind)
        {
            var bytes = new byte[9];
            bytes[0] = TailVersion;
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), AuditId);
            return WebEncoders.Base64UrlEncode(bytes);
        }
        var id = Encoding.UTF8.GetBytes(SnapshotAfter ?? "");
        var snapshot = new byte[10 + id.Length];
        snapshot[0] = SnapshotVersion;
        BinaryPrimitives.WriteInt64BigEndian(snapshot.AsSpan(1), AuditId);
        snapshot[9] = (byte)kind;
        id.CopyTo(snapshot, 10);
        return WebEncoders.Base64UrlEncode(snapshot);
    }

    public static bool TryDecode(string value, out ChangeCursor cursor)
    {
        cursor = new ChangeCursor(0);
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(value);
        }
        catch (FormatException)
        {
            return false;
        }
        if (bytes.Length < 9)
        {
            return false;
        }
        var auditId = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1, 8));
        if (auditId < 0)
        {
            return false;
        }
        switch (bytes[0])
        {
            case TailVersion when bytes.Length == 9:
                cursor = new ChangeCursor(auditId);
                return true;
            case SnapshotVersion when bytes.Length >= 10 && bytes[9] <= 1:
                try
                {
                    var after = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 10, bytes.Length - 10);
                    cursor = new ChangeCursor(auditId, bytes[9], after);
                    return true;
                }
                catch (ArgumentException)
                {
                    return false;
                }
            default:
                return false;
        }
    }
}
