// DOM building without markup strings: attributes via setAttribute, text via text nodes, handlers via
// addEventListener. Nothing here writes a style attribute or parses HTML, so a strict CSP holds.
import { TEXTS, label } from './texts.js';

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === 'function') { node.addEventListener(key.slice(2), value); }
    else if (key === 'value' || key === 'checked') { node[key] = value; }
    else if (value === true) { node.setAttribute(key, ''); }
    else if (value !== false && value !== null && value !== undefined) { node.setAttribute(key, value); }
  }
  for (const child of children.flat()) {
    if (child === '' || child === null || child === undefined) { continue; }
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function contactHref(contact) {
  switch (contact.channel) {
    case 'phone': return `tel:${contact.value.replace(/[^\d+]/g, '')}`;
    case 'via_police_emergency': return 'tel:110';
    case 'email': return `mailto:${contact.value}`;
    default: return /^https?:\/\//.test(contact.value) ? contact.value : null;
  }
}

export function formatTime(iso, lang) {
  if (!iso) { return null; }
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE',
    { weekday: 'short', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(new Date(iso));
}

function contactLink(contact) {
  const href = contactHref(contact);
  const text = contact.label && contact.label !== contact.value ? `${contact.label}: ${contact.value}` : contact.value;
  return href ? h('a', { class: 'nd-contact', part: 'contact', href }, text) : h('span', { class: 'nd-contact' }, text);
}

function agency(item, lang, t) {
  const until = formatTime(item.contact?.nextChange ?? item.nextChange, lang);
  const others = (item.contacts ?? []).filter((c) => c.id !== item.contact?.id);
  return h('li', { class: 'nd-agency', part: 'agency', 'data-agency': item.agencyId },
    h('p', { class: 'nd-agency-name' }, item.name),
    item.reachableNow && item.contact
      ? h('p', { class: 'nd-now' }, h('span', { class: 'nd-now-label' }, t.reachableNow), ' ', contactLink(item.contact),
        until ? h('span', { class: 'nd-until' }, ` ${t.until} ${until}`) : '')
      : h('p', { class: 'nd-closed' }, t.notReachable, until ? ` – ${t.from} ${until}` : ''),
    others.length ? h('ul', { class: 'nd-more-contacts' }, ...others.map((c) => h('li', {}, contactLink(c),
      c.reachableNow ? '' : h('span', { class: 'nd-until' }, ` (${t.notReachable.toLowerCase()})`)))) : '');
}

export function renderResults(answer, lang) {
  const t = TEXTS[lang];
  return h('div', { class: 'nd-results', part: 'results' }, ...answer.results.map((result) => {
    const gap = result.status === 'gap';
    const [first, ...rest] = result.agencies ?? [];
    const headingId = `nd-h-${result.responsibility}`;
    return h('article', { class: `nd-result ${gap ? 'nd-gap' : 'nd-covered'}`, part: `result${gap ? ' gap' : ''}`, 'aria-labelledby': headingId, 'data-responsibility': result.responsibility },
      h('h3', { id: headingId, class: 'nd-result-title' }, label({ ...result, code: result.responsibility }, lang),
        ' ', h('span', { class: `nd-badge ${gap ? 'nd-badge-gap' : 'nd-badge-ok'}`, part: 'status-badge' }, gap ? t.gap : t.covered)),
      gap ? h('p', { class: 'nd-gap-text' }, h('strong', {}, t.gap), '. ', result.fallbacks?.length ? t.gapHint : t.gapHintNone) : '',
      first ? h('ul', { class: 'nd-agencies' }, agency(first, lang, t)) : '',
      rest.length ? h('div', {}, h('p', { class: 'nd-sub' }, t.otherAgencies), h('ul', { class: 'nd-agencies' }, ...rest.map((a) => agency(a, lang, t)))) : '',
      result.fallbacks?.length ? h('div', { class: 'nd-fallbacks', part: 'fallbacks' }, h('p', { class: 'nd-sub' }, t.fallbacks),
        h('ul', { class: 'nd-agencies' }, ...result.fallbacks.map((a) => agency(a, lang, t)))) : '',
      result.explanation?.length ? h('details', { class: 'nd-explanation', part: 'explanation' }, h('summary', {}, t.explanation),
        h('ul', {}, ...result.explanation.map((line) => h('li', {}, line)))) : '');
  }));
}
