namespace NetworkDirectory.Api.Auth;

/// <summary>Checks a key request from the admin endpoint or the CLI; errors are keyed by field.</summary>
public static class ApiKeyValidator
{
    public const int MaxNameLength = 100;

    /// <summary>Keys created without an expiry date expire after this many days.</summary>
    public const int DefaultLifetimeDays = 365;

    public static async Task<(NewApiKey? Key, Dictionary<string, string[]> Errors)> ValidateAsync(
        string? name, string? role, IReadOnlyList<string>? scope, DateOnly? expiresOn, string createdBy,
        ApiKeyStore store, TimeProvider clock, CancellationToken cancellationToken = default) =>
        await ValidateAsync(new(name, role, scope?.ToArray(), expiresOn), createdBy, store, clock, cancellationToken);

    public static async Task<(NewApiKey? Key, Dictionary<string, string[]> Errors)> ValidateAsync(
        CreateApiKeyRequest request, string createdBy, ApiKeyStore store, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var (name, role, scope, expiresOn) = (request.Name, request.Role, (IReadOnlyList<string>?)request.Scope, request.ExpiresOn);
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        name = name?.Trim();
        scope ??= [];

        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["name"] = [$"name must hold 1 to {MaxNameLength} characters, e.g. 'Koordination Bayern'."];
        }
        if (role is null || !Roles.All.Contains(role))
        {
            errors["role"] = [$"'{role}' is not a role. Use one of: {string.Join(", ", Roles.All)}."];
        }
        var malformed = scope.Where(s => s.Length is not (2 or 5) || !s.All(char.IsAsciiDigit)).ToList();
        if (malformed.Count > 0)
        {
            errors["scope"] = [$"scope: {string.Join(", ", malformed.Select(s => $"'{s}'"))} is not a Land (2 digits) or Kreis (5 digits) key."];
        }
        else if (await store.UnknownRegionsAsync(scope, cancellationToken) is { Count: > 0 } unknown)
        {
            errors["scope"] = [$"scope: no region with key {string.Join(", ", unknown.Select(s => $"'{s}'"))} exists."];
        }
        else if (role == Roles.Coordinator && scope.Count == 0)
        {
            errors["scope"] = ["scope: a coordinator key needs at least one Land or Kreis key it may write in, e.g. '09'."];
        }
        if (expiresOn is { } date && date <= today)
        {
            errors["expiresOn"] = [$"expiresOn must be after today ({today:yyyy-MM-dd}); got {date:yyyy-MM-dd}."];
        }

        var origins = request.AllowedOrigins ?? [];
        if (origins.Length > 0 && role != Roles.Partner)
        {
            errors["allowedOrigins"] = ["allowedOrigins: only partner keys are limited to browser origins; leave it out for other roles."];
        }
        else if (origins.Length > PartnerOrigins.MaxCount)
        {
            errors["allowedOrigins"] = [$"allowedOrigins: at most {PartnerOrigins.MaxCount} origins per key; got {origins.Length}."];
        }
        else if (origins.Select(PartnerOrigins.Problem).OfType<string>().ToList() is { Count: > 0 } bad)
        {
            errors["allowedOrigins"] = [.. bad];
        }
        var quota = request.RequestsPerMinute;
        if (quota is not null && role != Roles.Partner)
        {
            errors["requestsPerMinute"] = ["requestsPerMinute: only partner keys have a quota; other roles' writes have the write budget."];
        }
        else if (quota is < 1 or > PartnerQuota.MaxRequestsPerMinute)
        {
            errors["requestsPerMinute"] = [$"requestsPerMinute must be between 1 and {PartnerQuota.MaxRequestsPerMinute}; got {quota}."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var expiresAt = ApiKeyTime.EndOf(expiresOn ?? today.AddDays(DefaultLifetimeDays));
        return (new NewApiKey(name!, role!, scope.Distinct().Order(StringComparer.Ordinal).ToList(), expiresAt, createdBy,
            origins.Distinct().Order(StringComparer.Ordinal).ToList(),
            role == Roles.Partner ? request.RequestsPerMinute ?? PartnerQuota.DefaultRequestsPerMinute : null), errors);
    }
}
