/* The charts of the achievement-orientation index and the team's learning
 * (web/learningindex.c, web/page-team-learning.c): a <canvas
 * data-learning-chart="ID"> is drawn by Chart.js from
 * <script type="application/json" id="ID">, which holds either
 *   { kind: "hours", locale, labels: ["2026-01", ...], unit,
 *     datasets: [{ label, data: [hours, ...], color }] }
 * learning hours per month, stacked by origin (self-initiated, suggested,
 * mandatory), or
 *   { kind: "scatter", locale, x, y, datasets: [{ label, color, star,
 *     data: [{ x: index, y: attainment %, name }] }] }
 * each rep a point: the index across, attainment up, superstars a larger
 * triangle. The same figures stand in tables on the page, so nothing is
 * lost without script. Loaded with defer after chart.umd.js. */
(function () {
  "use strict";
  function draw() {
    if (!window.Chart) return;
    document.querySelectorAll("canvas[data-learning-chart]").forEach(function (canvas) {
      var src = document.getElementById(canvas.getAttribute("data-learning-chart"));
      var spec;
      try { spec = JSON.parse(src.textContent); } catch (e) { return; }
      var num = new Intl.NumberFormat(spec.locale, { maximumFractionDigits: 1 });
      if (spec.kind === "scatter") {
        new window.Chart(canvas, {
          type: "scatter",
          data: {
            datasets: spec.datasets.map(function (d) {
              return {
                label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.color,
                pointStyle: d.star ? "triangle" : "circle", pointRadius: d.star ? 8 : 5
              };
            })
          },
          options: {
            responsive: true, maintainAspectRatio: false, animation: false,
            scales: {
              x: { min: 0, max: 100, title: { display: true, text: spec.x } },
              y: { beginAtZero: true, title: { display: true, text: spec.y },
                   ticks: { callback: function (v) { return num.format(v) + "%"; } } }
            },
            plugins: {
              legend: { position: "bottom" },
              tooltip: {
                callbacks: {
                  label: function (ctx) {
                    var p = ctx.raw;
                    return p.name + ": " + num.format(p.x) + " · " + num.format(p.y) + "%";
                  }
                }
              }
            }
          }
        });
        return;
      }
      new window.Chart(canvas, {
        type: "bar",
        data: {
          labels: spec.labels,
          datasets: spec.datasets.map(function (d) {
            return { label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.color };
          })
        },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          scales: {
            x: { stacked: true },
            y: { stacked: true, beginAtZero: true, title: { display: true, text: spec.unit },
                 ticks: { callback: function (v) { return num.format(v); } } }
          },
          plugins: {
            legend: { position: "bottom" },
            tooltip: {
              callbacks: {
                label: function (ctx) { return ctx.dataset.label + ": " + num.format(ctx.raw); }
              }
            }
          }
        }
      });
    });
  }
  if (document.querySelector("canvas[data-learning-chart]")) {
    if (document.readyState === "complete") draw();
    else window.addEventListener("load", draw);
  }
})();
