/* Salesgarden's small script: progressive enhancements only; every page
 * works without it. Loaded with defer, so the DOM is ready. */
(function () {
  "use strict";
  // forms with data-confirm ask first (e.g. deactivating a user)
  document.querySelectorAll("form[data-confirm]").forEach(function (f) {
    f.addEventListener("submit", function (e) {
      if (!window.confirm(f.getAttribute("data-confirm"))) e.preventDefault();
    });
  });
  // conversation form (page-conversation.c): only the chosen outcome's
  // fieldset is shown; the others are disabled too, so what was typed under
  // an outcome the rep then abandoned is not sent (the server refuses a step
  // with a stop reason). Without script all are shown and the server decides.
  document.querySelectorAll("form[data-outcome-form]").forEach(function (form) {
    var panels = form.querySelectorAll("[data-outcome-panel]");
    function sync() {
      var c = form.querySelector('input[name="outcome"]:checked');
      var v = c ? c.value : "";
      panels.forEach(function (p) {
        var on = p.getAttribute("data-outcome-panel") === v;
        p.hidden = !on;
        p.disabled = !on;
      });
    }
    form.addEventListener("change", function (e) {
      if (e.target && e.target.name === "outcome") sync();
    });
    sync();
    // quick picks of the duration fill in the number field, which stays the
    // one that is sent; typing a number checks the matching pick, if any
    var chips = form.querySelector("[data-minute-chips]");
    var minutes = form.querySelector('input[name="minutes"]');
    if (chips && minutes) {
      chips.hidden = false;
      chips.addEventListener("change", function (e) {
        if (e.target && e.target.name === "minutes_pick") minutes.value = e.target.value;
      });
      minutes.addEventListener("input", function () {
        chips.querySelectorAll('input[name="minutes_pick"]').forEach(function (r) {
          r.checked = r.value === minutes.value;
        });
      });
    }
  });
  // charts (figures page): a <canvas data-chart="ID"> is drawn by Chart.js,
  // which only chart pages load, from <script type="application/json"
  // id="ID">. The same numbers stand in a table beside each chart, so nothing
  // is lost without script. Both scripts are deferred and Chart.js comes
  // later in the page, hence the wait for "load".
  function drawCharts() {
    if (!window.Chart) return;
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var src = document.getElementById(canvas.getAttribute("data-chart"));
      var spec;
      try { spec = JSON.parse(src.textContent); } catch (e) { return; }
      var pct = new Intl.NumberFormat(spec.locale, { style: "percent", maximumFractionDigits: 0 });
      var num = new Intl.NumberFormat(spec.locale);
      var hasCount = spec.datasets.some(function (d) { return d.axis === "count"; });
      var datasets = spec.datasets.map(function (d) {
        var line = d.type === "line";
        return {
          type: d.type || "bar", label: d.label, data: d.data,
          yAxisID: d.axis === "count" ? "count" : "pct",
          backgroundColor: d.color, borderColor: d.color,
          borderWidth: line ? 2 : 0, borderRadius: line ? 0 : 4, pointRadius: line ? 3 : 0,
          // a rate of 0 % keeps a sliver, so it differs from "no data"
          minBarLength: !line && d.axis === "pct" ? 3 : 0,
          skipNull: true, order: line ? 0 : 1
        };
      });
      var scales = {
        x: { grid: { display: false } },
        pct: { type: "linear", position: "left", min: 0, max: 1,
               ticks: { callback: function (v) { return pct.format(v); } } }
      };
      if (hasCount) {
        scales.count = { type: "linear", position: "right", beginAtZero: true, grid: { drawOnChartArea: false },
                         ticks: { precision: 0, callback: function (v) { return num.format(v); } } };
      }
      new window.Chart(canvas, {
        type: "bar",
        data: { labels: spec.labels, datasets: datasets },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          interaction: { mode: "index", intersect: false },
          scales: scales,
          plugins: {
            legend: { position: "bottom" },
            tooltip: {
              filter: function (item) { return item.raw !== null; },
              callbacks: {
                label: function (ctx) {
                  var d = spec.datasets[ctx.datasetIndex];
                  return d.label + ": " + (d.axis === "count" ? num.format(ctx.raw) : pct.format(ctx.raw));
                },
                afterLabel: function (ctx) {
                  var d = spec.datasets[ctx.datasetIndex];
                  var c = d.counts && d.counts[ctx.dataIndex];
                  if (!c || !spec.wonOf) return "";
                  return spec.wonOf.replace("%1$s", num.format(c[0])).replace("%2$s", num.format(c[1]));
                }
              }
            }
          }
        }
      });
    });
  }
  if (document.querySelector("canvas[data-chart]")) {
    if (document.readyState === "complete") drawCharts();
    else window.addEventListener("load", drawCharts);
  }
})();
