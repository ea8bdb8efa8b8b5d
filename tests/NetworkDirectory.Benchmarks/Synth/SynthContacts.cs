using System.Globalization;

namespace NetworkDirectory.Benchmarks.Synth;

/// <summary>
/// Three contacts per generated agency: the office phone (office hours), the on-call contact
/// (<see cref="OnCall"/>) and a public role mailbox; each agency gets its own office-hours schedule
/// and, unless reached 24/7, an on-call schedule for the hours in between. Phone numbers come only from
/// the Bundesnetzagentur's reserved media ranges (by the Land's area), reused freely.
/// </summary>
public sealed class SynthContacts(SynthDirectory directory, Random random)
{
    public const string AlwaysOpenId = "sch-syn-24-7";
    private static readonly string[] Starts = ["07:30", "08:00", "08:30", "09:00"];
    private static readonly string[] Ends = ["15:30", "16:00", "16:30", "17:00"];
    private static readonly string[] FridayEnds = ["12:00", "12:30", "13:00", "14:00"];
    private readonly Dictionary<string, int> _used = [];
    private bool _alwaysOpenAdded;

    public void Add(AgencyKind kind, string agencyId, string slug, string landKey, string? emergencyServiceId)
    {
        var (start, end, fridayEnd) = (Starts[random.Next(Starts.Length)], Ends[random.Next(Ends.Length)], FridayEnds[random.Next(FridayEnds.Length)]);
        var office = $"sch-{agencyId}-office";
        directory.Schedules.Add(new ScheduleRow(office, $"Bürozeiten {start}–{end}, freitags bis {fridayEnd} (Beispiel)", 0, 1, 0));
        for (var day = 1; day <= 5; day++)
        {
            directory.Windows.Add(new WindowRow(office, day, start, day, day == 5 ? fridayEnd : end));
        }
        directory.Exceptions.Add(new ExceptionRow(office, "2026-12-24", 1, null, null, "Heiligabend geschlossen"));
        directory.Contacts.Add(new ContactRow($"ct-{agencyId}-office", agencyId, null, "office", "phone", Phone(landKey),
            "Geschäftszimmer", "public", office, 0));

        var via110 = kind.OnCall == OnCall.NightsOrVia110 && random.Next(3) == 0;
        if (via110)
        {
            directory.Contacts.Add(new ContactRow($"ct-{agencyId}-oncall", agencyId, emergencyServiceId, "on_call", "via_police_emergency", "110",
                "Außerhalb der Bürozeiten: über den Polizeinotruf 110", "public", AlwaysOpen(), 1));
        }
        else
        {
            var schedule = kind.OnCall == OnCall.Phone24x7 ? AlwaysOpen() : Nights(agencyId, start, end, fridayEnd);
            directory.Contacts.Add(new ContactRow($"ct-{agencyId}-oncall", agencyId, emergencyServiceId, "on_call", "phone", Phone(landKey),
                $"{kind.OnCallLabel} – nur für Fachkräfte", "professional", schedule, 1));
        }
        directory.Contacts.Add(new ContactRow($"ct-{agencyId}-mail", agencyId, null, "role_mailbox", "email", $"team@{slug}.example.org",
            "Funktionspostfach", "public", null, 2));
    }

    /// <summary>Nights Monday to Thursday, the weekend from Friday's closing, and all day on public holidays.</summary>
    private string Nights(string agencyId, string start, string end, string fridayEnd)
    {
        var id = $"sch-{agencyId}-oncall";
        directory.Schedules.Add(new ScheduleRow(id, "Rufbereitschaft nachts, am Wochenende und an Feiertagen (Beispiel)", 0, 0, 1));
        for (var day = 1; day <= 4; day++)
        {
            directory.Windows.Add(new WindowRow(id, day, end, day + 1, start));
        }
        directory.Windows.Add(new WindowRow(id, 5, fridayEnd, 1, start));
        directory.Exceptions.Add(new ExceptionRow(id, "2026-12-24", 0, start, start, "Heiligabend: Rufbereitschaft ganztägig"));
        return id;
    }

    private string AlwaysOpen()
    {
        if (!_alwaysOpenAdded)
        {
            directory.Schedules.Add(new ScheduleRow(AlwaysOpenId, "Rund um die Uhr (Beispiel)", 1, 0, 0));
            _alwaysOpenAdded = true;
        }
        return AlwaysOpenId;
    }

    /// <summary>A number from the reserved media range of the Land's region: 030, 069, 040, 0221 or 089, then 23125/90009/66969/4710/99998 and 200–999.</summary>
    private string Phone(string landKey)
    {
        var prefix = landKey switch
        {
            "01" or "02" or "03" or "04" => "+494066969",
            "05" => "+492214710",
            "06" or "07" or "08" or "10" => "+496990009",
            "09" => "+498999998",
            _ => "+493023125",
        };
        var n = _used.GetValueOrDefault(prefix);
        _used[prefix] = n + 1;
        return prefix + (200 + n % 800).ToString("D3", CultureInfo.InvariantCulture);
    }
}
