namespace NetworkDirectory.Api.Data;

/// <summary>Two text columns of a row, such as an id and one of its languages.</summary>
internal sealed record KeyValue(string Key, string Value);
