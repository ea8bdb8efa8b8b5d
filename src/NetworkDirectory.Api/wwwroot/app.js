// The frontline page follows the browser's language (German unless it prefers English), and the
// widget's language switch updates the page's own lang for screen readers.
const widget = document.querySelector('network-directory-lookup');
if (widget && !new URLSearchParams(location.search).has('lang') && /^en\b/i.test(navigator.language) ) {
  widget.setAttribute('lang', 'en');
}
const wanted = new URLSearchParams(location.search).get('lang');
if (widget && (wanted === 'de' || wanted === 'en')) { widget.setAttribute('lang', wanted); }
const sync = () => { document.documentElement.lang = widget.getAttribute('lang') === 'en' ? 'en' : 'de'; };
new MutationObserver(sync).observe(widget, { attributes: true, attributeFilter: ['lang'] });
sync();
