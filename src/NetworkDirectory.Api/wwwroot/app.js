// The frontline page follows the browser's language (German unless it prefers English), and the
// widget's language switch updates the page's own lang for screen readers.
const widget = document.querySelector('network-directory-lookup');
if (widget && !new URLSearchParams(location.search).has('lang') && /^en\b/i.test(navigator.language) ) {
  widget.setAttribute('lang', 'en');
}
const wanted = new URLSearchParams(location.search).get('lang');
if (widget && (wanted === 'de' || wanted === 'en')) { widget.setAttribute('lang', wanted); }
// The page's one heading (h1) names what the page is for; the widget's own heading is an h2 below it.
const title = document.querySelector('.app-title');
const sync = () => {
  const lang = widget.getAttribute('lang') === 'en' ? 'en' : 'de';
  document.documentElement.lang = lang;
  if (title) { title.textContent = title.dataset[lang]; }
};
new MutationObserver(sync).observe(widget, { attributes: true, attributeFilter: ['lang'] });
sync();
