namespace NetworkDirectory.Api.Cards;

/// <summary>The fixed words of the contact sheet, in German and English.</summary>
public sealed record SheetTexts(
    string Title, string Subtitle, string KreisKey, string SampleNotice, string ProfessionalNotice, string Police, string Rescue,
    string Gap, string Fallbacks, string OnCall, string Via, string NoContacts, string Printed, string DataDate, string Visible,
    string Source, string Public, string Professional, string Internal, string HoursUnknown)
{
    public string Visibility(string visibility) => visibility switch
    {
        "public" => Public,
        "professional" => Professional,
        _ => Internal,
    };

    public static readonly SheetTexts German = new(
        Title: "Kontaktblatt Kinderschutz",
        Subtitle: "Verdacht auf Menschenhandel oder Ausbeutung eines Kindes: wer hilft sofort",
        KreisKey: "Kreis",
        SampleNotice: "BEISPIELDATEN – fiktive Einträge und Nummern zur Vorführung, keine echten Kontaktstellen. Nicht für einen echten Fall verwenden.",
        ProfessionalNotice: "Enthält Nummern nur für Fachkräfte: nicht aushängen, nicht weitergeben.",
        Police: " Polizei-Notruf",
        Rescue: " Feuerwehr und Rettungsdienst",
        Gap: "Lücke: Im Verzeichnis ist keine Stelle für {0} in {1} eingetragen. Im Notfall: Polizei 110.",
        Fallbacks: "Ersatzweise:",
        OnCall: "Bereitschaft",
        Via: "über Polizei-Notruf ",
        NoContacts: "Keine Kontakte sichtbar – im Notfall Polizei 110.",
        Printed: "Gedruckt am",
        DataDate: "Datenstand",
        Visible: "Sichtbare Kontakte:",
        Source: "Quelle: NetworkDirectory – Zuständigkeit wie bei einer Abfrage mit dem Kreisschlüssel; Zeiten in deutscher Ortszeit, abweichende Zeiten an einzelnen Tagen (etwa Heiligabend) zeigt die Abfrage.",
        Public: "öffentlich",
        Professional: "nur Fachkräfte",
        Internal: "intern",
        HoursUnknown: "Zeiten nicht bekannt");

    public static readonly SheetTexts English = new(
        Title: "Child protection contact sheet",
        Subtitle: "Suspected trafficking or exploitation of a child: who helps at once",
        KreisKey: "Kreis",
        SampleNotice: "SAMPLE DATA – fictional entries and numbers for demonstration, not real agencies. Never use for a real case.",
        ProfessionalNotice: "Contains numbers for professionals only: do not post or pass on.",
        Police: " Police emergency",
        Rescue: " Fire brigade and ambulance",
        Gap: "Gap: no agency for {0} in {1} is in the directory. In an emergency call the police on 110.",
        Fallbacks: "Fallbacks:",
        OnCall: "On call",
        Via: "via police emergency ",
        NoContacts: "No contact visible – in an emergency call the police on 110.",
        Printed: "Printed",
        DataDate: "data as of",
        Visible: "Contacts shown:",
        Source: "Source: NetworkDirectory – responsibility as a lookup by the Kreis key answers it; times in German local time, changed hours on single days (such as Christmas Eve) are in the lookup.",
        Public: "public",
        Professional: "professionals only",
        Internal: "internal",
        HoursUnknown: "hours not known");
}
