using Dapper;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Auth;

/// <summary>
/// Reads and writes api_keys. Authentication reads the row on every request (one primary-key
/// lookup plus one SHA-256), so a revoked key stops working with the next request: no cache.
/// </summary>
public sealed class ApiKeyStore(SqliteConnectionFactory connections, TimeProvider clock)
{
    /// <returns>The stored key's description and the key itself, which is shown once and never stored.</returns>
    public async Task<(ApiKeyInfo Info, string Key)> CreateAsync(NewApiKey key, CancellationToken cancellationToken = default)
    {
        var (id, secretKey) = ApiKeySecret.Generate();
        ApiKeySecret.TryParse(secretKey, out _, out var secret);
        var salt = ApiKeySecret.NewSalt();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO api_keys (id, name, role, prefix, salt, hash, created_at, expires_at, created_by, requests_per_minute)
            VALUES (@id, @Name, @Role, @prefix, @salt, @hash, @createdAt, @expiresAt, @CreatedBy, @RequestsPerMinute)
            """,
            new
            {
                id, key.Name, key.Role, prefix = ApiKeySecret.DisplayPrefix(secretKey), salt,
                hash = ApiKeySecret.Hash(salt, secret), createdAt = ApiKeyTime.Format(clock.GetUtcNow()),
                expiresAt = ApiKeyTime.Format(key.ExpiresAt), key.CreatedBy,
                RequestsPerMinute = key.Role == Roles.Partner ? key.RequestsPerMinute ?? PartnerQuota.DefaultRequestsPerMinute : (int?)null,
            }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO api_key_scopes (key_id, region_key) VALUES (@id, @regionKey)",
            key.Scope.Distinct().Select(regionKey => new { id, regionKey }), transaction);
        await connection.ExecuteAsync(
            "INSERT INTO api_key_origins (key_id, origin) VALUES (@id, @origin)",
            (key.AllowedOrigins ?? []).Distinct().Select(origin => new { id, origin }), transaction);
        await transaction.CommitAsync(cancellationToken);
        return ((await GetAsync(id, cancellationToken))!, secretKey);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiKeyRow>($"SELECT {ApiKeyRow.Columns} FROM api_keys k ORDER BY k.created_at, k.id");
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public async Task<ApiKeyInfo?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await FindRowAsync(id, cancellationToken))?.ToInfo();

    public async Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        (await FindRowAsync(id, cancellationToken))?.ToStored();

    /// <returns>False when no key has this id. Revoking a revoked key keeps the first revocation time.</returns>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = coalesce(revoked_at, @now) WHERE id = @id",
            new { id, now = ApiKeyTime.Format(clock.GetUtcNow()) }) == 1;
    }

    /// <returns>The given region keys that are not in the regions table.</returns>
    public async Task<IReadOnlyList<string>> UnknownRegionsAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var wanted = keys.Distinct().ToList();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var known = await connection.QueryAsync<string>("SELECT key FROM regions WHERE key IN @wanted", new { wanted });
        return wanted.Except(known).ToList();
    }

    private async Task<ApiKeyRow?> FindRowAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(
            $"SELECT {ApiKeyRow.Columns} FROM api_keys k WHERE k.id = @id", new { id });
    }
}
