namespace NetworkDirectory.Api.Agencies;

/// <summary>Validated filters of the agency list; null means "any".</summary>
internal sealed record AgencyFilter(
    string? Kind, string? Responsibility, string? ExploitationForm, string? Region, string? Language, string? Query)
{
    public bool FiltersServices => Responsibility is not null || ExploitationForm is not null || Region is not null;

    /// <summary>
    /// An agency matches a region when one of its services covers a region that contains it
    /// (coverage '09' matches region '09162') or lies inside it (coverage '09162' matches region '09'),
    /// directly or through a custom region.
    /// </summary>
    public const string WhereSql = """
        WHERE (@Kind IS NULL OR a.kind_code = @Kind)
          AND (@Query IS NULL OR a.name LIKE @QueryLike ESCAPE '\' OR a.operator LIKE @QueryLike ESCAPE '\' OR a.city LIKE @QueryLike ESCAPE '\')
          AND (@Language IS NULL
               OR EXISTS (SELECT 1 FROM agency_languages l WHERE l.agency_id = a.id AND (lower(l.language) = @Language OR lower(l.language) LIKE @Language || '-%'))
               OR EXISTS (SELECT 1 FROM contacts c JOIN contact_languages cl ON cl.contact_id = c.id
                          WHERE c.agency_id = a.id AND c.visibility IN @Visibilities
                            AND (lower(cl.language) = @Language OR lower(cl.language) LIKE @Language || '-%')))
          AND (@FiltersServices = 0 OR EXISTS (
                SELECT 1 FROM services s
                WHERE s.agency_id = a.id
                  AND (@Responsibility IS NULL OR s.responsibility_code = @Responsibility)
                  AND (@ExploitationForm IS NULL OR s.all_exploitation_forms = 1
                       OR EXISTS (SELECT 1 FROM service_exploitation_forms f WHERE f.service_id = s.id AND f.form_code = @ExploitationForm))
                  AND (@Region IS NULL OR EXISTS (
                        SELECT 1 FROM service_coverage sc
                        LEFT JOIN custom_region_members m ON m.custom_region_key = sc.custom_region_key
                        WHERE sc.service_id = s.id
                          AND (coalesce(sc.region_key, m.region_key) IN @RegionAncestors
                               OR @Region = 'DE'
                               OR substr(coalesce(sc.region_key, m.region_key), 1, length(@Region)) = @Region)))))
        """;
}
