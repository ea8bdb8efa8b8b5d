namespace NetworkDirectory.Benchmarks.Synth;

/// <summary>What a service of a generated agency handles (a row of <c>services</c> without its ids).</summary>
public sealed record ServiceSpec(
    string Suffix, string Responsibility, int Priority, int? MinAge = null, int? MaxAge = null,
    bool MinorsOnly = false, bool UnaccompaniedOnly = false, string[]? Forms = null, string? Notes = null);

/// <summary>How a generated agency is reached outside its office hours.</summary>
public enum OnCall
{
    /// <summary>A professional on-call phone on nights and weekends, or (one in three) the public way via 110, 24/7.</summary>
    NightsOrVia110,
    /// <summary>A professional phone staffed 24/7 (police duty desk).</summary>
    Phone24x7,
    /// <summary>A professional phone staffed on nights, weekends and public holidays (courts, prosecutors, counselling).</summary>
    PhoneNights,
}

/// <summary>
/// The kinds of agency the generator makes, with responsibilities as the bundled sample combines
/// them (db/sample/0004_hamburg.sql, 0005_bayern.sql): priorities, age limits and exploitation forms.
/// </summary>
public sealed record AgencyKind(string Prefix, string KindCode, OnCall OnCall, string OnCallLabel, ServiceSpec[] Services)
{
    /// <summary>Responsibilities of the acute-intervention set (responsibilities.acute = 1 in db/migrations/0002).</summary>
    private static readonly string[] Acute = ["emergency_intervention", "taking_into_care", "medical_examination", "criminal_investigation"];

    /// <summary>What a branch office (a copy after the first) offers: the non-acute services; a police branch is a counselling office.</summary>
    public ServiceSpec[] BranchServices { get; } = Services.Where(s => !Acute.Contains(s.Responsibility)).ToArray() is { Length: > 0 } branch
        ? branch
        : [new("beratung", "consultation", 60, Notes: "Polizeiliche Beratungsstelle.")];

    public static readonly AgencyKind YouthOffice = new("ja", "youth_welfare_office", OnCall.NightsOrVia110, "Rufbereitschaft Jugendamt",
    [
        new("beratung", "consultation", 10, MaxAge: 17, MinorsOnly: true, Notes: "Insoweit erfahrene Fachkraft (§ 8a SGB VIII)."),
        new("inobhut", "taking_into_care", 10, MaxAge: 17, MinorsOnly: true),
        new("notdienst", "emergency_intervention", 10, MaxAge: 17, MinorsOnly: true),
        new("alter", "age_assessment", 10, MaxAge: 17, MinorsOnly: true, UnaccompaniedOnly: true),
    ]);

    public static readonly AgencyKind TownYouthOffice = new("sja", "youth_welfare_office", OnCall.NightsOrVia110, "Rufbereitschaft Stadtjugendamt",
    [
        new("beratung", "consultation", 10, MaxAge: 17, MinorsOnly: true),
        new("inobhut", "taking_into_care", 10, MaxAge: 17, MinorsOnly: true),
    ]);

    public static readonly AgencyKind Police = new("pol", "police", OnCall.Phone24x7, "Wache / Kriminaldauerdienst",
    [
        new("einsatz", "emergency_intervention", 60),
        new("ermittlung", "criminal_investigation", 60, Forms: ["sexual_exploitation", "forced_criminal_acts", "forced_begging"]),
    ]);

    public static readonly AgencyKind ImmigrationOffice = new("abh", "immigration_office", OnCall.PhoneNights, "Bereitschaft Ausländerbehörde",
    [
        new("aufenthalt", "residence_law", 10, Notes: "Bedenk- und Stabilisierungsfrist (§ 59 Abs. 7 AufenthG)."),
    ]);

    public static readonly AgencyKind FamilyCourt = new("fg", "family_court", OnCall.PhoneNights, "Richterlicher Eildienst",
    [
        new("vormund", "guardianship", 50, MaxAge: 17, MinorsOnly: true),
    ]);

    public static readonly AgencyKind Counselling = new("fbs", "specialised_counselling", OnCall.PhoneNights, "Krisenhandy für Polizei und Jugendamt",
    [
        new("begleitung", "specialised_counselling", 20, MinAge: 12, Forms: ["sexual_exploitation", "labour_exploitation", "forced_marriage"]),
        new("beratung", "consultation", 20, MaxAge: 21),
    ]);

    public static readonly AgencyKind Prosecutor = new("sta", "public_prosecutor", OnCall.PhoneNights, "Eildienst (richterliche Anordnungen)",
    [
        new("verfolgung", "prosecution", 10),
    ]);
}
