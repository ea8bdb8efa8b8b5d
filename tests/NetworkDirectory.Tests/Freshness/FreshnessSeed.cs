using Dapper;
using NetworkDirectory.Tests.Audit;

namespace NetworkDirectory.Tests.Freshness;

/// <summary>
/// On top of <see cref="TestNetwork"/>, with the factory's clock at 2026-11-28:
/// net-by's members fbs-by (verified 2 months ago, 1 contact), ja-muc (8 months, 4 contacts) and pol-test (never);
/// in no network in Bayern: ja-lkm (never) and the new ja-nbg (2025-06-15, 17 months).
/// Coverage: an emergency service for all of Bayern ('09'); Nürnberg (09564) has taking into care for its
/// Gemeinde only and the police via its Regierungsbezirk (095); Rosenheim (09163) has neither.
/// </summary>
public static class FreshnessSeed
{
    public const string Sql = """
        UPDATE agencies SET last_verified_on = '2026-09-28' WHERE id = 'fbs-by';
        UPDATE agencies SET last_verified_on = '2026-03-28' WHERE id = 'ja-muc';
        INSERT INTO regions (key, level, name, designation, parent_key) VALUES
          ('09163', 'kreis', 'Rosenheim', 'Kreisfreie Stadt', '091'),
          ('095', 'regierungsbezirk', 'Mittelfranken', 'Regierungsbezirk', '09'),
          ('09564', 'kreis', 'Nürnberg', 'Kreisfreie Stadt', '095'),
          ('09564000', 'gemeinde', 'Nürnberg', 'Stadt', '09564');
        INSERT INTO agencies (id, name, kind_code, region_key, last_verified_on, sample, created_at, updated_at) VALUES
          ('ja-nbg', 'Jugendamt Nürnberg (Test)', 'youth_welfare_office', '09564000', '2025-06-15', 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z');
        INSERT INTO services (id, agency_id, responsibility_code) VALUES
          ('s-fbs-krise', 'fbs-by', 'emergency_intervention'),
          ('s-ja-nbg-care', 'ja-nbg', 'taking_into_care'),
          ('s-ja-nbg-pol', 'ja-nbg', 'criminal_investigation');
        INSERT INTO service_coverage (service_id, region_key) VALUES
          ('s-fbs-krise', '09'), ('s-ja-nbg-care', '09564000'), ('s-ja-nbg-pol', '095');
        """;

    public static HttpClient ClientAs(ClockedApiFactory factory, string role, params string[] scope)
    {
        var client = factory.CreateClientAs(role, scope);
        using var connection = factory.OpenDatabase();
        if (connection.ExecuteScalar<long>("SELECT count(*) FROM agencies WHERE id = 'ja-nbg'") == 0)
        {
            connection.Execute(Sql);
        }
        return client;
    }
}
