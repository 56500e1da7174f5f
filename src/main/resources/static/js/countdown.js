// A hold's time left, counting down live. The page already says it (the server's words for when it was
// made); this keeps it true while the page stays open, in the same words: each element carries the
// moment it counts to (data-deadline, ms) and the bundle's line for days, hours and minutes in every
// plural category of the page's language ("one:# day left|other:# days left").
(function () {
  var lang = document.documentElement.lang || 'az';
  var rules = null;
  try {
    rules = new Intl.PluralRules(lang);
  } catch (e) {
    rules = null;
  }
  var DAY = 86400000, HOUR = 3600000, MINUTE = 60000;

  function forms(text) {
    var found = {};
    (text || '').split('|').forEach(function (part) {
      var colon = part.indexOf(':');
      if (colon > 0) {
        found[part.slice(0, colon)] = part.slice(colon + 1);
      }
    });
    return found;
  }

  function say(element, name, n) {
    var all = forms(element.getAttribute('data-' + name));
    var line = all[rules ? rules.select(n) : 'other'] || all.other;
    return line ? line.replace('#', String(n)) : null;
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-deadline]').forEach(function (element) {
      var left = Number(element.getAttribute('data-deadline')) - now;
      var text;
      if (!(left > 0)) {
        text = element.getAttribute('data-over');
      } else if (left >= DAY) {
        text = say(element, 'days', Math.floor(left / DAY));
      } else if (left > HOUR) {
        text = say(element, 'hours', Math.ceil(left / HOUR));
      } else {
        text = say(element, 'minutes', Math.max(1, Math.ceil(left / MINUTE)));
      }
      if (text && element.textContent !== text) {
        element.textContent = text;
      }
      if (left < 3 * DAY) {
        element.classList.add('text-danger');
      }
    });
  }

  tick();
  setInterval(tick, 20000);
  // A countdown that arrives or changes after the page loaded (an htmx answer swapped in, a hold
  // extended) says its time at once, not at the next tick.
  if (window.MutationObserver) {
    new MutationObserver(function (changes) {
      for (var i = 0; i < changes.length; i++) {
        var change = changes[i];
        if (change.type === 'attributes' || (change.addedNodes.length && change.target.nodeType === 1
            && !change.target.hasAttribute('data-deadline'))) {
          tick();
          return;
        }
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-deadline'] });
  }
}());
