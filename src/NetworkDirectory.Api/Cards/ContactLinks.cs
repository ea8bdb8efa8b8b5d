using PhoneNumbers;

namespace NetworkDirectory.Api.Cards;

/// <summary>How the contact sheet writes a contact's channel: a link a phone can dial or a mail program open.</summary>
public static class ContactLinks
{
    /// <summary>A phone number as a tel: link shown in international format; 110 as "via 110"; e-mail as mailto:.</summary>
    public static void Write(HtmlWriter html, SheetContact contact, SheetTexts t)
    {
        switch (contact.Channel)
        {
            case "phone":
                html.Open("a", ("href", "tel:" + contact.Value), ("class", "tel")).Text(Display(contact.Value)).Close("a");
                break;
            case "via_police_emergency":
                html.Text(t.Via).Open("a", ("href", "tel:110"), ("class", "tel")).Text("110").Close("a");
                break;
            case "email":
                html.Open("a", ("href", "mailto:" + contact.Value), ("class", "mail")).Text(contact.Value).Close("a");
                break;
            default:
                html.Element("span", contact.Value, ("class", "url"));
                break;
        }
    }

    /// <summary>"+498999998100" as "+49 89 99998100"; a short number (110, 116 111) or one libphonenumber cannot read stays as stored.</summary>
    public static string Display(string e164)
    {
        if (!e164.StartsWith('+'))
        {
            return e164;
        }
        var util = PhoneNumberUtil.GetInstance();
        try
        {
            return util.Format(util.Parse(e164, "DE"), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
