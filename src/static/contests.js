// contests.js: the leaderboard and contest pages' bar chart, and the TV
// view's redraw (web/page-contests.c, issue 10).
//
// Chart: <canvas data-lb-chart="ID"> drawn by Chart.js from
// <script type="application/json" id="ID">:
//   { "locale": "nl", "format": "money" | "pct" | "pp" | "num", "currency": "EUR",
//     "label": "Revenue", "labels": ["Anna", ...], "data": [1234500, ...] }
// money is in minor units, pct a fraction, pp percentage points. The table
// beside the chart holds the same numbers.
//
// TV: <body data-tv-src="/api/v1/..." data-tv-refresh="60"
// data-tv-updated="updated %s">: every refresh seconds the JSON is fetched
// and the rows of #tv-rows redrawn from its standings and team_totals
// (value_text as the server wrote it), with "updated hh:mm". Without
// script, a <meta refresh> in <noscript> reloads the page instead.
(function () {
  "use strict";

  function fmt(spec) {
    var loc = spec.locale || "en";
    if (spec.format === "money") {
      var m = new Intl.NumberFormat(loc, { style: "currency", currency: spec.currency || "EUR", maximumFractionDigits: 0 });
      return function (v) { return m.format(v / 100); };
    }
    if (spec.format === "pct") {
      var p = new Intl.NumberFormat(loc, { style: "percent", maximumFractionDigits: 0 });
      return function (v) { return p.format(v); };
    }
    var n = new Intl.NumberFormat(loc, { maximumFractionDigits: 1 });
    if (spec.format === "pp") return function (v) { return n.format(v) + " pp"; };
    return function (v) { return n.format(v); };
  }

  function drawCharts() {
    if (!window.Chart) return;
    document.querySelectorAll("canvas[data-lb-chart]").forEach(function (canvas) {
      var src = document.getElementById(canvas.getAttribute("data-lb-chart"));
      var spec;
      try { spec = JSON.parse(src.textContent); } catch (e) { return; }
      var f = fmt(spec);
      canvas.parentNode.style.height = Math.max(180, spec.labels.length * 32 + 60) + "px";
      new window.Chart(canvas, {
        type: "bar",
        // long names are cut in the chart; the table holds them whole
        data: { labels: spec.labels.map(function (l) { return l.length > 18 ? l.slice(0, 17) + "…" : l; }), datasets: [{ label: spec.label, data: spec.data, backgroundColor: "#1f6f4a",
                                                  borderRadius: 4, maxBarThickness: 28, minBarLength: 3 }] },
        options: {
          indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false,
          scales: { x: { beginAtZero: true, ticks: { maxTicksLimit: 5, callback: function (v) { return f(v); } } },
                    y: { grid: { display: false } } },
          plugins: { legend: { display: false },
                     tooltip: { callbacks: { label: function (ctx) { return f(ctx.raw); } } } }
        }
      });
    });
  }
  if (document.querySelector("canvas[data-lb-chart]")) {
    if (document.readyState === "complete") drawCharts();
    else window.addEventListener("load", drawCharts);
  }

  function cell(tr, text, cls) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    td.textContent = text;
    tr.appendChild(td);
  }

  function redraw(body, json) {
    var rows = document.getElementById("tv-rows");
    if (!rows || !json) return;
    while (rows.firstChild) rows.removeChild(rows.firstChild);
    (json.standings || []).forEach(function (l) {
      var tr = document.createElement("tr");
      cell(tr, l.ranked ? String(l.place) : "–", "tv-place");
      cell(tr, l.name);
      cell(tr, l.value_text, "tv-value");
      rows.appendChild(tr);
    });
    (json.team_totals || []).forEach(function (l) {
      var tr = document.createElement("tr");
      tr.className = "tv-total";
      cell(tr, "Σ", "tv-place");
      cell(tr, l.name);
      cell(tr, l.value_text, "tv-value");
      rows.appendChild(tr);
    });
    var d = new Date();
    var hhmm = ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
    var up = document.getElementById("tv-updated");
    if (up) up.textContent = (body.getAttribute("data-tv-updated") || "%s").replace("%s", hhmm);
  }

  var body = document.body;
  if (body && body.hasAttribute("data-tv-src")) {
    var secs = Math.max(2, parseInt(body.getAttribute("data-tv-refresh"), 10) || 60);
    var tick = function () {
      fetch(body.getAttribute("data-tv-src"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (j) { redraw(body, j); })
        .catch(function () { /* the next tick tries again */ })
        .then(function () { setTimeout(tick, secs * 1000); });
    };
    setTimeout(tick, secs * 1000);
  }
})();
