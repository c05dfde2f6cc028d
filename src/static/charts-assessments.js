/* The growth chart of a rep's assessment history (web/page-assessments.c):
 * a <canvas data-scores="ID"> is drawn by Chart.js from
 * <script type="application/json" id="ID">, which holds
 *   { rounds: ["2025 H1", ...], yTitle, datasets: [{ label, data: [score | null, ...] }] }
 * one line per trait, the manager's score (1-5) per round. The same numbers
 * stand in the table below it, so nothing is lost without script. Loaded
 * with defer after chart.umd.js. */
(function () {
  "use strict";
  var colors = ["#1f6f4a", "#175cd3", "#b54708", "#7a5af8", "#b42318", "#0e9384", "#667085"];
  function draw() {
    if (!window.Chart) return;
    document.querySelectorAll("canvas[data-scores]").forEach(function (canvas) {
      var src = document.getElementById(canvas.getAttribute("data-scores"));
      var spec;
      try { spec = JSON.parse(src.textContent); } catch (e) { return; }
      new window.Chart(canvas, {
        type: "line",
        data: {
          labels: spec.rounds,
          datasets: spec.datasets.map(function (d, i) {
            var c = colors[i % colors.length];
            return { label: d.label, data: d.data, borderColor: c, backgroundColor: c, spanGaps: true,
                     tension: 0, pointRadius: 3, borderWidth: 2 };
          })
        },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 }, title: { display: !!spec.yTitle, text: spec.yTitle } } },
          plugins: { legend: { position: "bottom" } }
        }
      });
    });
  }
  if (document.querySelector("canvas[data-scores]")) {
    if (document.readyState === "complete") draw();
    else window.addEventListener("load", draw);
  }
})();
