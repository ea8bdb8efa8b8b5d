using System.Globalization;

namespace NetworkDirectory.Api.Cards;

/// <summary>
/// Writes a <see cref="ContactSheet"/> as one HTML page for printing: no script, no inline style (the page is
/// served under <c>style-src 'self'</c>), the print stylesheet linked from <see cref="ContactSheetStyle.Path"/>.
/// </summary>
public static class ContactSheetPage
{
    public static string Write(ContactSheet sheet, bool german, string stylesheet)
    {
        var t = german ? SheetTexts.German : SheetTexts.English;
        var kreis = sheet.Kreis;
        var place = $"{kreis.Designation} {kreis.Name}".Trim();
        var html = new HtmlWriter().Doctype().Open("html", ("lang", german ? "de" : "en")).Open("head")
            .Void("meta", ("charset", "utf-8"))
            .Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Element("title", $"{t.Title}: {place} ({kreis.Key})")
            .Void("link", ("rel", "stylesheet"), ("href", stylesheet))
            .Close("head").Open("body").Open("header");
        if (sheet.Sample)
        {
            html.Element("p", t.SampleNotice, ("class", "sample"), ("role", "note"));
        }
        html.Element("h1", $"{t.Title}: {place}")
            .Element("p", $"{t.KreisKey} {kreis.Key}" + (sheet.LandName is null ? "" : $" · {sheet.LandName}") + $" · {t.Subtitle}", ("class", "region"))
            .Open("div", ("class", "emergency"))
            .Open("p").Open("a", ("href", "tel:110")).Text("110").Close("a").Text(t.Police).Close("p")
            .Open("p").Open("a", ("href", "tel:112")).Text("112").Close("a").Text(t.Rescue).Close("p")
            .Close("div");
        if (sheet.Visibilities.Contains("professional"))
        {
            html.Element("p", t.ProfessionalNotice, ("class", "restricted"), ("role", "note"));
        }
        html.Close("header").Open("main");
        foreach (var entry in sheet.Entries)
        {
            html.Open("section", ("class", entry.Gap ? "entry gap" : "entry"), ("id", entry.Responsibility))
                .Element("h2", german ? entry.LabelDe : entry.LabelEn);
            if (entry.Gap)
            {
                html.Element("p", string.Format(CultureInfo.InvariantCulture, t.Gap, german ? entry.LabelDe : entry.LabelEn, $"{place} ({kreis.Key})"), ("class", "gap-note"));
            }
            foreach (var agency in entry.Agencies)
            {
                WriteAgency(html, agency, t);
            }
            if (entry.Fallbacks.Count > 0)
            {
                html.Open("p", ("class", "fallbacks")).Element("span", t.Fallbacks, ("class", "caption"));
                for (var i = 0; i < entry.Fallbacks.Count; i++)
                {
                    var fallback = entry.Fallbacks[i];
                    html.Text(i == 0 ? " " : " · ").Element("strong", fallback.Name);
                    foreach (var phone in fallback.Contacts.Where(c => c.Channel is "phone" or "via_police_emergency").Take(2))
                    {
                        html.Text(" ");
                        ContactLinks.Write(html, phone, t);
                    }
                }
                html.Close("p");
            }
            html.Close("section");
        }
        html.Close("main").Open("footer")
            .Element("p", $"{t.Printed} {Date(sheet.Printed, german)}" + (sheet.DataDate is { } d ? $" · {t.DataDate} {Date(d, german)}" : "")
                + $" · {t.Visible} {string.Join(", ", sheet.Visibilities.Select(v => t.Visibility(v)))}")
            .Element("p", t.Source);
        foreach (var note in sheet.Attribution)
        {
            html.Element("p", note, ("class", "attribution"));
        }
        return html.Close("footer").Close("body").Close("html").ToString();
    }

    /// <summary>
    /// The agency's contacts; consecutive ones of the same kind with the same hours share one line and one
    /// statement of the hours (a Jugendamt's office phone and mailbox), so that a large Kreis still fits one page.
    /// </summary>
    private static void WriteAgency(HtmlWriter html, SheetAgency agency, SheetTexts t)
    {
        html.Open("article", ("class", "agency")).Open("h3").Text(agency.Name).Close("h3");
        if (agency.Contacts.Count == 0)
        {
            html.Element("p", t.NoContacts, ("class", "none"));
            html.Close("article");
            return;
        }
        html.Open("ul");
        var contacts = agency.Contacts;
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            var onCall = contact.Kind == "on_call";
            var first = i == 0 || contacts[i - 1].Hours != contact.Hours || (contacts[i - 1].Kind == "on_call") != onCall;
            var last = i == contacts.Count - 1 || contacts[i + 1].Hours != contact.Hours || (contacts[i + 1].Kind == "on_call") != onCall;
            if (first)
            {
                html.Open("li", ("class", onCall ? "contact on-call" : "contact"));
                if (onCall)
                {
                    html.Element("span", t.OnCall, ("class", "kind")).Text(" ");
                }
            }
            else
            {
                html.Text(" · ");
            }
            ContactLinks.Write(html, contact, t);
            if (contact.Label is { } label)
            {
                html.Text(" " + label);
            }
            if (contact.Visibility != "public")
            {
                html.Text(" ").Element("span", t.Visibility(contact.Visibility), ("class", "visibility"));
            }
            if (last)
            {
                var hours = contact.Hours ?? (contact.Channel == "phone" ? t.HoursUnknown : null);
                if (hours is not null)
                {
                    html.Element("span", hours, ("class", "hours"));
                }
                html.Close("li");
            }
        }
        html.Close("ul").Close("article");
    }

    private static string Date(DateOnly date, bool german) => date.ToString(german ? "dd.MM.yyyy" : "d MMMM yyyy", CultureInfo.InvariantCulture);
}
