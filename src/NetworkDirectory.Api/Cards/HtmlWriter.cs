using System.Text;

namespace NetworkDirectory.Api.Cards;

/// <summary>
/// A small HTML writer: every text and attribute value goes through <see cref="Encode"/>, so a name with
/// '&lt;', '&amp;' or a quote prints as text and can never open a tag or leave an attribute. Markup is only
/// what the caller writes as literal element names.
/// </summary>
public sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();

    /// <summary>Encodes &amp; &lt; &gt; " and ' (enough for text and for double-quoted attributes); other characters stay UTF-8.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    /// <summary>Opens an element: <c>Open("p", ("class", "note"))</c>; attribute values are encoded.</summary>
    public HtmlWriter Open(string element, params (string Name, string Value)[] attributes)
    {
        _html.Append('<').Append(element);
        foreach (var (name, value) in attributes)
        {
            _html.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
        }
        _html.Append('>');
        return this;
    }

    /// <summary>Closes an element; a block element ends its line (readable source), an inline one adds no white space.</summary>
    public HtmlWriter Close(string element)
    {
        _html.Append("</").Append(element).Append('>');
        if (element is not ("a" or "span" or "strong"))
        {
            _html.Append('\n');
        }
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public HtmlWriter Element(string element, string text, params (string Name, string Value)[] attributes) =>
        Open(element, attributes).Text(text).Close(element);

    public HtmlWriter Text(string text)
    {
        _html.Append(Encode(text));
        return this;
    }

    /// <summary>A void element such as meta or link.</summary>
    public HtmlWriter Void(string element, params (string Name, string Value)[] attributes)
    {
        Open(element, attributes);
        _html.Append('\n');
        return this;
    }

    public HtmlWriter Doctype()
    {
        _html.Append("<!DOCTYPE html>\n");
        return this;
    }

    public override string ToString() => _html.ToString();
}
