// <network-directory-lookup>: who handles a case here, now. A plain custom element with Shadow DOM.
// No inline styles, no eval, no cookies, no storage: it works under a strict Content-Security-Policy.
import { TEXTS, label } from './texts.js';
import { h, renderResults } from './render.js';

const HERE = new URL('.', import.meta.url);

class NetworkDirectoryLookup extends HTMLElement {
  static observedAttributes = ['lang', 'api-base', 'region', 'responsibility'];
  #root; #answer = null; #taxonomies = null; #selected = null; #map = null; #last = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
  }

  get apiBase() { return new URL(this.getAttribute('api-base') || new URL(import.meta.url).origin); }
  get lang() { return this.getAttribute('lang') === 'en' ? 'en' : 'de'; }
  set lang(value) { this.setAttribute('lang', value); }
  get #t() { return TEXTS[this.lang]; }

  connectedCallback() {
    if (!this.#root.firstChild) { this.#render(); this.#loadTaxonomies(); }
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#root.firstChild || before === after) { return; }
    if (name === 'responsibility') { this.#selected = null; }
    this.#render();
    if (name === 'lang' && this.#answer) { this.#status(`${this.#t.resultsFor(this.#answer.results.length)} ${this.#answer.location.regions[0]?.name ?? ''}`); }
    if (name === 'lang' && this.#map?.open) { this.#map.show(this.#root.getElementById('nd-map-slot'), this.#mapRegion(), this.#responsibilities(), this.lang); }
  }

  async #fetchJson(path, params) {
    const url = new URL(path, this.apiBase);
    for (const [k, v] of Object.entries(params ?? {})) { if (v !== undefined && v !== null && v !== '') { url.searchParams.set(k, v); } }
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(body?.detail ?? body?.title ?? `HTTP ${response.status}`);
      error.problem = body;
      throw error;
    }
    return body;
  }

  async #loadTaxonomies() {
    try {
      this.#taxonomies = await this.#fetchJson('/v1/taxonomies');
      this.#render();
    } catch (error) { this.#fail(error); }
  }

  #responsibilities() {
    if (this.#selected) { return this.#selected; }
    const given = (this.getAttribute('responsibility') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (given.length) { return given; }
    return (this.#taxonomies?.responsibilities ?? []).filter((r) => r.acute).map((r) => r.code);
  }

  // The skeleton is built once: the stylesheet, the live region and the map stay; the rest is redrawn.
  #build() {
    const slot = (id, tag = 'div', attrs = {}) => h(tag, { id, ...attrs });
    this.#root.append(
      h('link', { rel: 'stylesheet', href: new URL('network-directory.css', HERE).href }),
      h('section', { class: 'nd', part: 'container', 'aria-labelledby': 'nd-title' },
        slot('nd-top'),
        h('div', { id: 'nd-status', class: 'nd-status', part: 'status', role: 'status', 'aria-live': 'polite' }),
        slot('nd-output', 'div', { class: 'nd-output' }),
        slot('nd-map-slot', 'div', { class: 'nd-map-slot', hidden: true })));
  }

  #render() {
    if (!this.#root.firstChild) { this.#build(); }
    const t = this.#t;
    const focused = this.#root.activeElement?.id;
    const query = this.#root.getElementById('nd-q')?.value ?? '';
    this.#root.querySelector('.nd').setAttribute('lang', this.lang);
    this.#root.getElementById('nd-top').replaceChildren(
      h('header', { class: 'nd-header', part: 'header' },
        h('h2', { id: 'nd-title', class: 'nd-title' }, t.title),
        h('button', { type: 'button', id: 'nd-lang', class: 'nd-lang', part: 'button lang-switch', lang: this.lang === 'de' ? 'en' : 'de',
          'aria-label': t.switchLabel, onclick: () => { this.lang = this.lang === 'de' ? 'en' : 'de'; } }, t.switchTo)),
      this.#emergency(),
      this.#form(query));
    this.#root.getElementById('nd-output').replaceChildren(...this.#output());
    this.#root.getElementById('nd-map-slot').hidden = !this.#map?.open;
    if (focused) { this.#root.getElementById(focused)?.focus(); }
  }

  #emergency() {
    const t = this.#t;
    const numbers = this.#answer?.emergencyNumbers ?? [{ number: '110', labelDe: t.police, labelEn: t.police }, { number: '112', labelDe: t.fire, labelEn: t.fire }];
    return h('aside', { class: 'nd-emergency', part: 'emergency', 'aria-label': t.emergency },
      h('span', { class: 'nd-emergency-title' }, t.emergency),
      ...numbers.map((n) => h('a', { class: 'nd-emergency-number', part: 'emergency-number', href: `tel:${n.number}` },
        h('strong', {}, n.number), ' ', label({ ...n, code: n.number }, this.lang))));
  }

  #form(query) {
    const t = this.#t;
    const chosen = new Set(this.#responsibilities());
    const responsibilities = (this.#taxonomies?.responsibilities ?? []).filter((r) => r.acute || chosen.has(r.code));
    return h('form', { class: 'nd-form', part: 'form', role: 'search', onsubmit: (e) => { e.preventDefault(); this.#search(); } },
      h('label', { for: 'nd-q', class: 'nd-label' }, t.query),
      h('div', { class: 'nd-row' },
        h('input', { id: 'nd-q', class: 'nd-input', part: 'input', type: 'search', name: 'q', value: query, autocomplete: 'off',
          'aria-describedby': 'nd-q-hint', enterkeyhint: 'search' }),
        h('button', { type: 'submit', id: 'nd-search', class: 'nd-button nd-primary', part: 'button search' }, t.search),
        h('button', { type: 'button', id: 'nd-locate', class: 'nd-button', part: 'button locate', onclick: () => this.#locate() }, t.myLocation)),
      h('p', { id: 'nd-q-hint', class: 'nd-hint' }, t.queryHint),
      responsibilities.length ? h('fieldset', { class: 'nd-responsibilities', part: 'responsibilities' },
        h('legend', {}, t.responsibilities),
        ...responsibilities.map((r) => h('label', { class: 'nd-check' },
          h('input', { type: 'checkbox', id: `nd-r-${r.code}`, value: r.code, checked: chosen.has(r.code), onchange: (e) => this.#toggle(r.code, e.target.checked) }),
          ' ', label(r, this.lang)))) : '');
  }

  #output() {
    const answer = this.#answer;
    if (!answer) { return []; }
    const t = this.#t;
    const candidates = answer.location?.candidates ?? [];
    const region = answer.location?.regions?.[0];
    return [
      answer.containsSample ? h('p', { class: 'nd-sample', part: 'sample-notice' }, t.sample) : '',
      candidates.length > 1 ? h('div', { class: 'nd-candidates', part: 'candidates' },
        h('p', { id: 'nd-candidates-title' }, t.candidates),
        h('ul', { 'aria-labelledby': 'nd-candidates-title' }, ...this.#sortCandidates(candidates).map((c) => h('li', {},
          h('button', { type: 'button', id: `nd-c-${c.regionKey}`, class: 'nd-button nd-candidate', part: 'button candidate', 'data-key': c.regionKey,
            'aria-pressed': String(c.regionKey === region?.key), onclick: () => this.#ask({ regionKey: c.regionKey }) }, c.name))))) : '',
      region ? h('p', { class: 'nd-answer-for', part: 'answer-for' }, `${t.answerFor} `, h('strong', {}, region.name), ` (${region.designation ?? region.level}, ${region.key})`) : '',
      renderResults(answer, this.lang),
      h('button', { type: 'button', id: 'nd-map-toggle', class: 'nd-button', part: 'button map-toggle', 'aria-expanded': String(!!this.#map?.open),
        'aria-controls': 'nd-map-slot', onclick: () => this.#toggleMap() }, this.#map?.open ? t.hideMap : t.showMap),
    ];
  }

  #sortCandidates(candidates) {
    const region = this.getAttribute('region');
    return region ? [...candidates].sort((a, b) => Number(!a.regionKey.startsWith(region)) - Number(!b.regionKey.startsWith(region))) : candidates;
  }

  #toggle(code, on) {
    const set = new Set(this.#responsibilities());
    if (on) { set.add(code); } else { set.delete(code); }
    this.#selected = [...set];
    if (this.#last) { this.#ask(this.#last); }
  }

  #search() {
    const q = (this.#root.getElementById('nd-q')?.value ?? '').trim();
    if (!q) { this.#status(this.#t.emptyQuery); return; }
    this.#ask(/^\d{5}$/.test(q) ? { postalCode: q } : { q });
  }

  #locate() {
    if (!navigator.geolocation) { this.#status(this.#t.noGeolocation); return; }
    this.#status(this.#t.locating);
    navigator.geolocation.getCurrentPosition(
      (p) => this.#ask({ lat: p.coords.latitude.toFixed(5), lon: p.coords.longitude.toFixed(5) }),
      () => this.#status(this.#t.geolocationDenied),
      { timeout: 15000, maximumAge: 60000 });
  }

  async #ask(where) {
    this.#last = where;
    this.#status(this.#t.searching);
    try {
      let answer = await this.#fetchJson('/v1/lookup', { ...where, responsibility: this.#responsibilities().join(',') });
      const region = this.getAttribute('region');
      const inside = (a) => a.location.regions.some((r) => r.key === region);
      const preferred = region && !inside(answer) && answer.location.candidates.find((c) => c.regionKey.startsWith(region));
      if (preferred) { answer = await this.#fetchJson('/v1/lookup', { regionKey: preferred.regionKey, responsibility: this.#responsibilities().join(',') }).then((a) => ({ ...a, location: { ...a.location, candidates: answer.location.candidates } })); }
      // A candidate chosen from a list keeps the list, so the user can change their mind.
      const before = this.#answer?.location?.candidates ?? [];
      if (where.regionKey && !answer.location.candidates.length && before.some((c) => c.regionKey === where.regionKey)) {
        answer = { ...answer, location: { ...answer.location, candidates: before } };
      }
      this.#answer = answer;
      const where_ = answer.location.regions[0];
      this.#render();
      this.#status(`${this.#t.resultsFor(answer.results.length)} ${where_?.name ?? ''}`);
      if (this.#map?.open) { this.#map.show(this.#root.getElementById('nd-map-slot'), this.#mapRegion(), this.#responsibilities(), this.lang); }
      this.dispatchEvent(new CustomEvent('nd-result', { detail: answer, bubbles: true, composed: true }));
    } catch (error) { this.#fail(error); }
  }

  #fail(error) {
    this.#status(`${this.#t.failed}: ${error.message}`);
    this.dispatchEvent(new CustomEvent('nd-error', { detail: { message: error.message, problem: error.problem ?? null }, bubbles: true, composed: true }));
  }

  #status(text) {
    const node = this.#root.getElementById('nd-status');
    if (node) { node.textContent = text; }
  }

  #mapRegion() {
    const regions = this.#answer?.location?.regions ?? [];
    return this.getAttribute('region') || regions.find((r) => r.level === 'land')?.key || regions.find((r) => r.level === 'kreis')?.key;
  }

  async #toggleMap() {
    if (!this.#map) {
      const { CoverageMap } = await import('./map.js');
      this.#map = new CoverageMap({ apiBase: this.apiBase, base: HERE, tileUrl: this.getAttribute('tile-url'), fetchJson: (p, q) => this.#fetchJson(p, q),
        labelOf: (code) => this.#taxonomies?.responsibilities?.find((r) => r.code === code) });
    }
    this.#map.open = !this.#map.open;
    this.#render();
    if (this.#map.open) { await this.#map.show(this.#root.getElementById('nd-map-slot'), this.#mapRegion(), this.#responsibilities(), this.lang); }
  }

}

if (!customElements.get('network-directory-lookup')) {
  customElements.define('network-directory-lookup', NetworkDirectoryLookup);
}
