// Draws every <canvas data-chart="{...}"> with Chart.js. The configuration comes from the server;
// the table next to each chart holds the same figures.
document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
  new Chart(canvas, JSON.parse(canvas.dataset.chart));
});
