// The language links keep the page's own query: a report's filters, a search, a page number. Without
// this script they are "?lang=ru" alone, which still opens the same page in that language, unfiltered.
(function () {
  var here = new URLSearchParams(window.location.search);
  here.delete('lang');
  if (here.toString() === '') {
    return;
  }
  document.querySelectorAll('#language-links a[lang]').forEach(function (link) {
    var query = new URLSearchParams(here);
    query.set('lang', link.getAttribute('lang'));
    link.setAttribute('href', '?' + query.toString());
  });
})();
