// A grouped checkbox list (fragments/choices :: checkList) gets a search field: boxes whose label or
// group heading does not hold the typed text are hidden; ticked boxes stay in sight. Without this
// script every box shows, so the form works all the same.
(function () {
  'use strict';
  // Azerbaijani letters fold to their plain Latin look, so "gence" finds "Gəncə" and "seki" "Şəki"
  var folds = { 'ə': 'e', 'ı': 'i', 'ş': 's', 'ç': 'c', 'ğ': 'g', 'ö': 'o', 'ü': 'u', 'ё': 'е' };
  function fold(text) {
    return text.toLocaleLowerCase('az').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[əışçğöüё]/g, function (c) { return folds[c]; }).replace(/i̇/g, 'i');
  }
  function setUp(list) {
    if (list.dataset.checkReady) {
      return;
    }
    list.dataset.checkReady = 'yes';
    var search = list.querySelector('[data-check-search]');
    var none = list.querySelector('[data-check-none]');
    if (!search) {
      return;
    }
    search.hidden = false;
    search.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
      }
    });
    search.addEventListener('input', function () {
      var query = fold(search.value.trim());
      var shown = 0;
      list.querySelectorAll('[data-check-group]').forEach(function (group) {
        var legend = group.querySelector('legend');
        var groupMatches = query !== '' && legend && fold(legend.textContent).indexOf(query) >= 0;
        var any = false;
        group.querySelectorAll('[data-check-item]').forEach(function (item) {
          var box = item.querySelector('input');
          var show = query === '' || groupMatches || fold(item.textContent).indexOf(query) >= 0 || (box && box.checked);
          item.hidden = !show;
          if (show) {
            any = true;
            shown++;
          }
        });
        group.hidden = !any;
      });
      if (none) {
        none.hidden = shown > 0;
      }
    });
  }
  function all() {
    document.querySelectorAll('[data-check-list]').forEach(setUp);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', all);
  }
  else {
    all();
  }
})();
