using System.ComponentModel;

namespace NetworkDirectory.Api.Common;

/// <summary>A page of a list in a stable order.</summary>
/// <param name="Items">The entries of this page.</param>
/// <param name="Total">How many entries match the filters in all.</param>
/// <param name="Limit">The page size used.</param>
/// <param name="Offset">How many matching entries were skipped.</param>
/// <param name="NextOffset">The offset of the next page, or null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset, int? NextOffset);

public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public const string LimitDescription = "Page size, 1 to 200 (default 50).";
    public const string OffsetDescription = "Number of matching entries to skip (default 0).";

    /// <summary>Checks limit and offset; returns the field and reason when one is out of range.</summary>
    public static (string Field, string Message)? Check(int? limit, int? offset)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return ("limit", $"limit must be between 1 and {MaxLimit}; got {limit}.");
        }
        if (offset is < 0)
        {
            return ("offset", $"offset must be 0 or more; got {offset}.");
        }
        return null;
    }

    public static Page<T> Create<T>(IReadOnlyList<T> items, int total, int limit, int offset) =>
        new(items, total, limit, offset, offset + items.Count < total ? offset + items.Count : null);
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class LimitDescriptionAttribute() : DescriptionAttribute(Paging.LimitDescription);

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OffsetDescriptionAttribute() : DescriptionAttribute(Paging.OffsetDescription);
