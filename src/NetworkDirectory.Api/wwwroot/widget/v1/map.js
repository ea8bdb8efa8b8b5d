// The map view, loaded only when it is opened: our GeoJSON drawn with the vendored Leaflet 1.9.4, no
// tiles unless `tile-url` names some. Leaflet positions elements through element.style (CSSOM), which
// style-src does not restrict; popups and attributions get DOM nodes or escaped text, never our markup.
import { TEXTS, label } from './texts.js';
import { h } from './render.js';

let leaflet;
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class CoverageMap {
  open = false;
  #options; #map = null; #layers = null; #attribution = null;

  constructor(options) { this.#options = options; }

  async #leaflet(root) {
    if (!root.querySelector('link[data-leaflet]')) {
      const css = h('link', { rel: 'stylesheet', href: new URL('leaflet/leaflet.css', this.#options.base).href, 'data-leaflet': '' });
      const loaded = new Promise((resolve) => { css.addEventListener('load', resolve); css.addEventListener('error', resolve); });
      root.prepend(css);
      await loaded;
    }
    if (!leaflet) {
      await import(new URL('leaflet/leaflet.js', this.#options.base).href);
      leaflet = globalThis.L;
    }
    return leaflet;
  }

  async show(slot, region, responsibilities, lang) {
    const t = TEXTS[lang];
    const responsibility = responsibilities[0];
    if (!region || !responsibility) { return; }
    if (!this.#map) { slot.replaceChildren(h('p', { class: 'nd-hint' }, t.mapLoading)); }
    const L = await this.#leaflet(slot.getRootNode());
    const [coverage, agencies] = await Promise.all([
      this.#options.fetchJson('/v1/maps/coverage', { region, responsibility }),
      this.#options.fetchJson('/v1/maps/agencies', { region, responsibility }),
    ]);
    if (!this.#map) {
      const container = h('div', { id: 'nd-map', class: 'nd-map', part: 'map', role: 'region', 'aria-label': t.mapLabel });
      slot.replaceChildren(h('p', { id: 'nd-map-title', class: 'nd-map-title' }), container, h('p', { id: 'nd-map-note', class: 'nd-hint' }), h('ul', { id: 'nd-map-list', class: 'nd-map-list' }));
      this.#map = L.map(container, { attributionControl: true, zoomSnap: 0.25 });
      this.#map.attributionControl.setPrefix('Leaflet');
      if (this.#options.tileUrl) { L.tileLayer(this.#options.tileUrl, { maxZoom: 18 }).addTo(this.#map); }
    }
    this.#map.getContainer().setAttribute('aria-label', t.mapLabel);
    this.#layers?.remove();
    const areas = L.geoJSON(coverage, {
      style: (f) => ({ className: `nd-area nd-area-${f.properties.status}`, weight: 2 }),
      onEachFeature: (f, layer) => layer.bindPopup(() => this.#areaPopup(f.properties, lang)),
    });
    const points = L.geoJSON(agencies, {
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 7, className: 'nd-point' }),
      onEachFeature: (f, layer) => layer.bindPopup(() => h('p', {}, f.properties.name)),
    });
    this.#layers = L.featureGroup([areas, points]).addTo(this.#map);
    const bounds = this.#layers.getBounds();
    this.#map.invalidateSize();
    if (bounds.isValid()) { this.#map.fitBounds(bounds, { padding: [12, 12] }); } else { this.#map.setView([51.1, 10.4], 5); }
    if (this.#attribution) { this.#map.attributionControl.removeAttribution(this.#attribution); }
    this.#attribution = ['NetworkDirectory', ...(coverage.attribution ?? [])].map(escape).join(' · ');
    this.#map.attributionControl.addAttribution(this.#attribution);
    const taxonomy = this.#options.labelOf(responsibility) ?? { code: responsibility };
    slot.querySelector('#nd-map-title').textContent = `${t.mapFor} ${coverage.region?.name ?? region}: ${label(taxonomy, lang)}`;
    slot.querySelector('#nd-map-note').textContent = coverage.boundariesMissing?.length === coverage.features.length ? t.mapNoBoundaries : '';
    // The same content as text, for screen readers and keyboard users who cannot use the map.
    slot.querySelector('#nd-map-list').replaceChildren(...coverage.features.map((f) => h('li', { 'data-key': f.properties.key },
      `${f.properties.name} (${f.properties.key}): `, f.properties.agencies?.length ? f.properties.agencies.map((a) => a.name).join(', ') : t.gap)));
  }

  #areaPopup(p, lang) {
    const t = TEXTS[lang];
    return h('div', {}, h('p', {}, h('strong', {}, p.name)), h('p', {}, p.agencies?.length ? p.agencies.map((a) => a.name).join(', ') : t.gap));
  }
}
