/* The Lorenz curve of the concentration page (page-concentration.c): a
 * <canvas data-lorenz="ID"> is drawn by Chart.js from
 * <script type="application/json" id="ID">, which holds
 *   { locale, x: [...], y: [...], marker, labels: { curve, equality, marker, x, y, point } }
 * x the share of reps (smallest first), y their share of the revenue, and
 * marker the share of reps where the top ones begin. The same numbers stand
 * in a table on the page, so nothing is lost without script. Loaded with
 * defer after chart.umd.js, so Chart is there when this runs. */
(function () {
  "use strict";
  function draw() {
    if (!window.Chart) return;
    document.querySelectorAll("canvas[data-lorenz]").forEach(function (canvas) {
      var src = document.getElementById(canvas.getAttribute("data-lorenz"));
      var spec;
      try { spec = JSON.parse(src.textContent); } catch (e) { return; }
      var pct = new Intl.NumberFormat(spec.locale, { style: "percent", maximumFractionDigits: 0 });
      var L = spec.labels || {};
      var points = spec.x.map(function (x, i) { return { x: x, y: spec.y[i] }; });
      var datasets = [
        { label: L.curve, data: points, showLine: true, borderColor: "#1f6f4a", backgroundColor: "#1f6f4a",
          borderWidth: 2.5, pointRadius: points.length <= 60 ? 2.5 : 0, fill: false, order: 0 },
        { label: L.equality, data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], showLine: true, borderColor: "#98a2b3",
          borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, order: 1 }
      ];
      if (typeof spec.marker === "number") {
        datasets.push({ label: L.marker, data: [{ x: spec.marker, y: 0 }, { x: spec.marker, y: 1 }], showLine: true,
                        borderColor: "#b54708", borderDash: [2, 3], borderWidth: 1.5, pointRadius: 0, order: 2 });
      }
      var axis = function (title) {
        return { type: "linear", min: 0, max: 1, title: { display: !!title, text: title },
                 ticks: { stepSize: 0.25, callback: function (v) { return pct.format(v); } } };
      };
      new window.Chart(canvas, {
        type: "scatter",
        data: { datasets: datasets },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          scales: { x: axis(L.x), y: axis(L.y) },
          plugins: {
            legend: { position: "bottom" },
            tooltip: {
              filter: function (item) { return item.datasetIndex === 0; },
              callbacks: {
                label: function (ctx) {
                  var t = L.point || "%1$s of the reps bring %2$s of the revenue";
                  return t.replace("%1$s", pct.format(ctx.raw.x)).replace("%2$s", pct.format(ctx.raw.y));
                }
              }
            }
          }
        }
      });
    });
  }
  if (document.querySelector("canvas[data-lorenz]")) {
    if (document.readyState === "complete") draw();
    else window.addEventListener("load", draw);
  }
})();
