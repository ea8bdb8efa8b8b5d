using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Api.Imports;

/// <param name="IfMatch">The dry run's token (quoted or not), or * to apply whatever the diff is now; required to apply.</param>
public sealed record ImportRequest(
    byte[] Content, ImportFormat Format, string Region, bool DeleteMissing, bool DryRun, string? IfMatch, Caller Caller, string? CorrelationId);

/// <summary>Why an import was refused as a whole (status and sentence), or its report; an apply with problems has both (422).</summary>
public sealed record ImportOutcome(int Status, string? Title, string? Detail, ImportReport? Report)
{
    public static ImportOutcome Refused(int status, string title, string detail) => new(status, title, detail, null);
}
