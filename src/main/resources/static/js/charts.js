// Draws every <canvas data-chart="{...}"> with Chart.js. The configuration comes from the server;
// the table next to each chart holds the same figures. Numbers on the axes and in tooltips are written
// in the page's language (data-locale) the way the tables write them: grouped with a space, decimal
// comma (10 512; 93,4); in English the English way (10,512; 93.4).
(function () {
  function formatter(locale) {
    var format;
    try {
      format = new Intl.NumberFormat(locale || 'az', { maximumFractionDigits: 1 });
    } catch (e) {
      format = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
    }
    var english = String(locale || '').toLowerCase().indexOf('en') === 0;
    return function (value) {
      return format.formatToParts(Number(value)).map(function (part) {
        if (part.type === 'group') { return english ? ',' : ' '; }
        if (part.type === 'decimal') { return english ? '.' : ','; }
        return part.value;
      }).join('');
    };
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var config = JSON.parse(canvas.dataset.chart);
    var locale = canvas.dataset.locale || document.documentElement.lang || 'az';
    var number = formatter(locale);
    var options = config.options = config.options || {};
    options.locale = locale;
    var valueAxis = options.indexAxis === 'y' ? 'x' : 'y';
    options.scales = options.scales || {};
    options.scales[valueAxis] = options.scales[valueAxis] || {};
    options.scales[valueAxis].ticks = Object.assign({}, options.scales[valueAxis].ticks, {
      callback: function (value) { return number(value); }
    });
    options.plugins = options.plugins || {};
    options.plugins.tooltip = Object.assign({}, options.plugins.tooltip, {
      callbacks: {
        label: function (context) {
          var raw = options.indexAxis === 'y' ? context.parsed.x : context.parsed.y;
          return (context.dataset.label ? context.dataset.label + ': ' : '') + number(raw);
        }
      }
    });
    new Chart(canvas, config);
  });
})();
