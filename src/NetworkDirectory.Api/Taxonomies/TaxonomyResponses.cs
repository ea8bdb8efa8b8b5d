namespace NetworkDirectory.Api.Taxonomies;

/// <summary>An entry of a taxonomy: a stable code with German and English labels.</summary>
public sealed record TaxonomyEntry(string Code, string LabelDe, string LabelEn);

/// <summary>A responsibility, following the case steps of the Bundeskooperationskonzept.</summary>
/// <param name="CaseStep">1 suspicion, 2 acute intervention, 3 protection, 4 clearing, 5 residence, 6 criminal proceedings, 7 long-term help; null for cross-cutting tasks.</param>
/// <param name="LegalBasis">Statutory reference, where there is one.</param>
/// <param name="Acute">Part of the default set a lookup answers (acute intervention).</param>
public sealed record ResponsibilityEntry(string Code, string LabelDe, string LabelEn, int? CaseStep, string? LegalBasis, bool Acute);

/// <summary>A form of exploitation with its StGB reference.</summary>
public sealed record ExploitationFormEntry(string Code, string LabelDe, string LabelEn, string? StgbReference);

/// <summary>Every taxonomy of the directory. Codes are stable; labels may be improved.</summary>
public sealed record TaxonomiesResponse(
    IReadOnlyList<TaxonomyEntry> AgencyKinds,
    IReadOnlyList<ResponsibilityEntry> Responsibilities,
    IReadOnlyList<ExploitationFormEntry> ExploitationForms,
    IReadOnlyList<TaxonomyEntry> InstrumentTypes,
    IReadOnlyList<TaxonomyEntry> MemberRoles,
    IReadOnlyList<TaxonomyEntry> ContactKinds,
    IReadOnlyList<TaxonomyEntry> ContactChannels);
