/* The hours a rep learned per month, by origin (web/page-learning.c): a
 * <canvas data-learning-months="ID"> is drawn by Chart.js as stacked bars
 * from <script type="application/json" id="ID">, which holds
 *   { months: ["2026-01", ...], yTitle, datasets: [{ label, origin, data: [hours, ...] }] }
 * one dataset per origin (self-initiated, suggested, mandatory). The same
 * numbers stand in the table below it, so nothing is lost without script.
 * Loaded with defer after chart.umd.js. */
(function () {
  "use strict";
  var colors = { self: "#1f6f4a", suggested: "#175cd3", mandatory: "#b54708" };
  function draw() {
    if (!window.Chart) return;
    document.querySelectorAll("canvas[data-learning-months]").forEach(function (canvas) {
      var src = document.getElementById(canvas.getAttribute("data-learning-months"));
      var spec;
      try { spec = JSON.parse(src.textContent); } catch (e) { return; }
      new window.Chart(canvas, {
        type: "bar",
        data: {
          labels: spec.months,
          datasets: spec.datasets.map(function (d) {
            var c = colors[d.origin] || "#667085";
            return { label: d.label, data: d.data, backgroundColor: c, borderColor: c, stack: "hours" };
          })
        },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true,
                    title: { display: !!spec.yTitle, text: spec.yTitle } } },
          plugins: { legend: { position: "bottom" } }
        }
      });
    });
  }
  if (document.querySelector("canvas[data-learning-months]")) {
    if (document.readyState === "complete") draw();
    else window.addEventListener("load", draw);
  }
})();
