/* The charts of a rep's profile (page-profile.c): a <canvas
 * data-profile-chart="ID"> is drawn by Chart.js from
 * <script type="application/json" id="ID">, which holds
 *   { kind: "radar" | "growth", locale, labels: [...],
 *     datasets: [{ label, data: [score or null, ...], color, dashed }] }
 * radar: one axis per trait, scores 1 to 5, one polygon per rater (self,
 * manager, peers, superstars); growth: the manager's score of each trait
 * (one line each) over the rounds. The same numbers stand in tables on the
 * page, so nothing is lost without script. Loaded with defer after
 * chart.umd.js, so Chart is there when this runs. */
(function () {
  "use strict";
  function draw() {
    if (!window.Chart) return;
    document.querySelectorAll("canvas[data-profile-chart]").forEach(function (canvas) {
      var src = document.getElementById(canvas.getAttribute("data-profile-chart"));
      var spec;
      try { spec = JSON.parse(src.textContent); } catch (e) { return; }
      var num = new Intl.NumberFormat(spec.locale, { maximumFractionDigits: 1 });
      var radar = spec.kind === "radar";
      var datasets = spec.datasets.map(function (d) {
        return {
          label: d.label, data: d.data, borderColor: d.color, backgroundColor: radar ? d.color + "22" : d.color,
          borderWidth: 2, borderDash: d.dashed ? [6, 4] : [], pointRadius: 3, spanGaps: !radar, fill: radar
        };
      });
      var scale = { min: 0, max: 5, ticks: { stepSize: 1, callback: function (v) { return num.format(v); } } };
      new window.Chart(canvas, {
        type: radar ? "radar" : "line",
        data: { labels: spec.labels, datasets: datasets },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          scales: radar ? { r: Object.assign({ beginAtZero: true }, scale) } : { y: scale },
          plugins: {
            legend: { position: "bottom" },
            tooltip: {
              callbacks: {
                label: function (ctx) {
                  var v = ctx.raw;
                  return ctx.dataset.label + ": " + (v === null ? "–" : num.format(v));
                }
              }
            }
          }
        }
      });
    });
  }
  if (document.querySelector("canvas[data-profile-chart]")) {
    if (document.readyState === "complete") draw();
    else window.addEventListener("load", draw);
  }
})();
