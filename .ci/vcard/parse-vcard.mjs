// Reads one vCard (RFC 6350) from stdin, parses it with ical.js and prints what the library read as
// JSON: {version, kind, fn, tel: [...], email: [...], adr: [[...]], note}. A card the library cannot
// parse, or one that is not a single VCARD, exits 1 with the reason on stderr.
import ICAL from "ical.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString("utf8");

try {
  const parsed = ICAL.parse(text);
  if (!Array.isArray(parsed) || parsed[0] !== "vcard") {
    throw new Error("expected exactly one vcard component");
  }
  const card = new ICAL.Component(parsed);
  const values = (name) => card.getAllProperties(name).map((p) => p.getFirstValue());
  const result = {
    version: card.getFirstPropertyValue("version"),
    kind: card.getFirstPropertyValue("kind"),
    fn: card.getFirstPropertyValue("fn"),
    tel: values("tel"),
    email: values("email"),
    adr: card.getAllProperties("adr").map((p) => p.getFirstValue()),
    note: card.getFirstPropertyValue("note"),
  };
  process.stdout.write(JSON.stringify(result) + "\n");
} catch (error) {
  process.stderr.write(`vCard not parsed by ical.js: ${error.message}\n`);
  process.exit(1);
}
