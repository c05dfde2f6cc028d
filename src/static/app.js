/* Salesgarden's small script: progressive enhancements only; every page
 * works without it. Loaded with defer, so the DOM is ready. */
(function () {
  "use strict";
  // the main menu (ui.c nav_menu): its groups are <details> drop-downs that
  // work without script; here one open group closes the others, and a tap
  // elsewhere or Escape closes it, as a menu is expected to behave
  var groups = document.querySelectorAll("details.nav-dd");
  groups.forEach(function (d) {
    d.addEventListener("toggle", function () {
      if (d.open) groups.forEach(function (o) { if (o !== d) o.open = false; });
    });
  });
  document.addEventListener("click", function (e) {
    groups.forEach(function (d) { if (d.open && !d.contains(e.target)) d.open = false; });
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    groups.forEach(function (d) {
      if (d.open) { d.open = false; d.querySelector("summary").focus(); }
    });
  });
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
      // the browser's own hints for the step's fields, once STEP is
      // chosen (the server's check stays the truth)
      form.querySelectorAll("[data-step-required]").forEach(function (el) {
        el.required = v === "step";
      });
      // what a stop makes pointless (moving the deal to another stage)
      form.querySelectorAll("[data-hide-on-outcome]").forEach(function (el) {
        var off = el.getAttribute("data-hide-on-outcome") === v;
        el.hidden = off;
        el.querySelectorAll("select, input").forEach(function (i) { i.disabled = off; });
      });
    }
    // the step question ("was the step kept?"): for a deal chosen from the
    // list it takes that deal's open step, or goes away when it has none;
    // the new date only for "slipped"
    var question = form.querySelector("[data-step-question]");
    var dealPick = form.querySelector("select[data-step-deals]");
    function syncQuestion() {
      if (!question) return;
      if (dealPick) {
        var opt = dealPick.options[dealPick.selectedIndex];
        var due = opt && opt.getAttribute("data-step-due");
        question.hidden = question.disabled = !due;
        if (due) {
          var parts = question.getAttribute("data-legend").split("%s");
          question.querySelector("legend").textContent = parts[0] + opt.getAttribute("data-step-what") +
            parts[1] + opt.getAttribute("data-step-due-text") + (parts[2] || "");
          var open = question.querySelector(".tile-open");
          if (open) open.hidden = !(due > question.getAttribute("data-today"));
        }
        var first = question.querySelector('input[name="open_step"]');
        if (first) first.required = !!due;
      }
      var slip = question.querySelector("[data-slip-date]");
      var chosen = question.querySelector('input[name="open_step"]:checked');
      if (slip) {
        var on = !!chosen && chosen.value === "slipped";
        slip.hidden = !on;
        var d = slip.querySelector('input[name="open_step_due"]');
        if (d) d.required = on;
      }
    }
    form.addEventListener("change", function (e) {
      if (e.target && (e.target.name === "open_step" || e.target === dealPick)) syncQuestion();
    });
    syncQuestion();
    // buttons that fill a date (tomorrow, in 3 days…) or "who" (the contacts)
    form.querySelectorAll("[data-date-picks]").forEach(function (box) {
      var input = form.querySelector('input[name="' + box.getAttribute("data-date-picks") + '"]');
      if (!input) return;
      box.hidden = false;
      box.addEventListener("click", function (e) {
        var b = e.target.closest("button[data-date]");
        if (b) { input.value = b.getAttribute("data-date"); input.dispatchEvent(new Event("input", { bubbles: true })); }
      });
    });
    form.querySelectorAll("[data-fill-chips]").forEach(function (box) {
      var input = form.querySelector('input[name="' + box.getAttribute("data-fill-chips") + '"]');
      if (!input) return;
      box.hidden = false;
      // with a choice of deals, only the chosen deal's account's contacts
      if (dealPick) {
        var syncChips = function () {
          var opt = dealPick.options[dealPick.selectedIndex];
          var acc = opt ? opt.getAttribute("data-account") : null;
          var any = false;
          box.querySelectorAll("button[data-account]").forEach(function (b) {
            b.hidden = b.getAttribute("data-account") !== acc;
            if (!b.hidden) any = true;
          });
          box.hidden = !any;
        };
        dealPick.addEventListener("change", syncChips);
        syncChips();
      }
      box.addEventListener("click", function (e) {
        var b = e.target.closest("button[data-value]");
        if (b) input.value = b.getAttribute("data-value");
      });
    });
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
  // assessment form (page-assessments.c): "Use as evidence" beside a field-
  // coaching observation appends its text to the trait's evidence (prefixed
  // with its date and "observed"), suggests its score when none is chosen,
  // and names it in the hidden field observation-<trait>, which the server
  // checks. Without script the buttons stay hidden and the list is read.
  document.querySelectorAll("button[data-obs-use]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      var t = b.getAttribute("data-trait");
      var ev = document.getElementById("ev-" + t);
      var line = b.getAttribute("data-date") + " (" + b.getAttribute("data-label") + "): " +
        b.getAttribute("data-text");
      if (ev) {
        var was = ev.value.replace(/\s+$/, "");
        ev.value = was ? was + "\n" + line : line;
      }
      var score = b.getAttribute("data-score");
      if (score !== "0" && !document.querySelector('input[name="score-' + t + '"]:checked')) {
        var radio = document.getElementById("score-" + t + "-" + score);
        if (radio) radio.checked = true;
      }
      var hidden = document.getElementById("obs-" + t);
      if (hidden) hidden.value = b.getAttribute("data-obs-use");
      b.setAttribute("aria-pressed", "true");
    });
  });
  // charts (figures page): a <canvas data-chart="ID"> is drawn by Chart.js,
  // which only chart pages load, from <script type="application/json"
  // id="ID">. The same numbers stand in a table beside each chart, so nothing
  // is lost without script. Both scripts are deferred and Chart.js comes
  // later in the page, hence the wait for "load".
  /*
   * Chart kinds of the numbers pages (web/page-numbers.c; reusable by the
   * tiers, concentration and excuse pages). Every spec has "kind" and
   * "locale" ("en", "nl", "nb"); amounts are minor units (cents), rates are
   * fractions (0.84 = 84 %); null leaves a gap.
   *
   * "progress" — money over the days of a period (a line chart):
   *   { "kind": "progress", "locale": "nl", "currency": "EUR",
   *     "labels": ["2026-10-01", ...],          // ISO days, shown as "1 okt."
   *     "today": "2026-11-23",                  // optional: a thin line at this day
   *     "todayLabel": "Today",                  // optional: its caption
   *     "datasets": [
   *       { "label": "Result", "data": [0, 120000, null, ...], "color": "#1f6f4a",
   *         "style": "solid" | "dashed" | "dotted", "fill": true } ] }
   *   The money axis and tooltips format with Intl currency in spec.currency.
   *
   * "pct-bars" — one bar per label on a percentage axis, with reference lines:
   *   { "kind": "pct-bars", "locale": "nl",
   *     "labels": ["Anna", "Bo"],
   *     "horizontal": true,                     // a row per label: names stay readable on a phone
   *     "datasets": [
   *       { "label": "Attainment", "data": [0.84, null], "color": "#1f6f4a",
   *         "colors": ["#1f6f4a", "#b42318"],   // optional: a colour per bar
   *         "notes": ["€ 12.600 of € 15.000", ""] } ],  // optional: tooltip line per bar
   *     "refs": [ { "value": 1, "label": "Target", "color": "#b42318" } ],  // dashed lines
   *     "max": 2 }                              // optional: cap of the axis
   *   A horizontal chart grows its box to about 30 px per label.
   *
   * "pct-xy" — lines through points on two percentage axes (a Lorenz curve):
   *   { "kind": "pct-xy", "locale": "nl", "xTitle": "Share of reps", "yTitle": "Share of revenue",
   *     "datasets": [ { "label": "Revenue", "points": [[0, 0], [0.5, 0.1], [1, 1]],
   *                     "color": "#1f6f4a", "style": "solid" | "dashed" | "dotted", "fill": false } ] }
   *   Both axes run from 0 % to 100 %.
   */
  function dash(style) {
    return style === "dashed" ? [7, 5] : style === "dotted" ? [2, 4] : [];
  }
  // a translucent fill of a "#rrggbb" colour
  function soft(color) {
    return /^#[0-9a-fA-F]{6}$/.test(color || "") ? color + "22" : "rgba(31,111,74,.13)";
  }
  function pctFormat(spec) {
    return new Intl.NumberFormat(spec.locale, { style: "percent", maximumFractionDigits: 0 });
  }
  // dashed reference lines on a value scale: options.plugins.sgRefs.lines =
  // [{ scale: "y", value: 1, label: "Target", color: "#b42318" }]
  var refLines = {
    id: "sgRefs",
    afterDatasetsDraw: function (chart, args, opts) {
      if (!opts || !opts.lines) return;
      var c = chart.ctx, area = chart.chartArea;
      opts.lines.forEach(function (l) {
        var scale = chart.scales[l.scale];
        if (!scale || l.value === null || l.value === undefined) return;
        var px = scale.getPixelForValue(l.value);
        var across = scale.isHorizontal();
        if (across ? px < area.left - 1 || px > area.right + 1 : px < area.top - 1 || px > area.bottom + 1) return;
        c.save();
        c.strokeStyle = l.color || "#b42318";
        c.lineWidth = l.width || 1.5;
        c.setLineDash(l.dash || [6, 4]);
        c.beginPath();
        if (across) { c.moveTo(px, area.top); c.lineTo(px, area.bottom); }
        else { c.moveTo(area.left, px); c.lineTo(area.right, px); }
        c.stroke();
        if (l.label) {
          c.setLineDash([]);
          c.fillStyle = l.color || "#b42318";
          c.font = "600 12px system-ui, sans-serif";
          var w = c.measureText(l.label).width;
          if (across) c.fillText(l.label, Math.min(px + 4, area.right - w), area.top + 12);
          else c.fillText(l.label, area.right - w - 2, px - 5);
        }
        c.restore();
      });
    }
  };

  /* money on an axis: whole units, unless the ticks are less than one unit
   * apart — a target of a few euros would otherwise read "€1, €1, €1, €0" */
  function moneyTick(locale, currency) {
    var whole = new Intl.NumberFormat(locale, { style: "currency", currency: currency, maximumFractionDigits: 0 });
    var cents = new Intl.NumberFormat(locale, { style: "currency", currency: currency, minimumFractionDigits: 2,
                                                maximumFractionDigits: 2 });
    return function (v, i, ticks) {
      var step = ticks && ticks.length > 1 ? Math.abs(ticks[1].value - ticks[0].value) : 1;
      return (step < 1 ? cents : whole).format(v);
    };
  }

  function drawProgress(canvas, spec) {
    var cur = new Intl.NumberFormat(spec.locale, { style: "currency", currency: spec.currency || "EUR",
                                                   maximumFractionDigits: 0 });
    var curTick = moneyTick(spec.locale, spec.currency || "EUR");
    var day = new Intl.DateTimeFormat(spec.locale, { day: "numeric", month: "short", timeZone: "UTC" });
    var dayLabel = function (iso) { return day.format(new Date(iso + "T00:00:00Z")); };
    var datasets = spec.datasets.map(function (d) {
      return {
        type: "line", label: d.label, borderColor: d.color, backgroundColor: d.fill ? soft(d.color) : d.color,
        data: d.data.map(function (v) { return v === null ? null : v / 100; }),
        borderDash: dash(d.style), borderWidth: d.style === "solid" || !d.style ? 2.5 : 2,
        pointRadius: 0, pointHitRadius: 6, fill: d.fill ? "origin" : false, tension: 0, spanGaps: false,
        pointStyle: "line"	// the legend shows the line as drawn: solid, dashed or dotted
      };
    });
    var lines = [];
    var ti = spec.today ? spec.labels.indexOf(spec.today) : -1;
    if (ti >= 0) lines.push({ scale: "x", value: ti, label: spec.todayLabel || "", color: "#5d6f65", dash: [2, 3], width: 1 });
    new window.Chart(canvas, {
      type: "line",
      data: { labels: spec.labels, datasets: datasets },
      plugins: [refLines],
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          x: { grid: { display: false },
               ticks: { autoSkip: true, maxTicksLimit: 6, maxRotation: 0,
                        callback: function (v) { return dayLabel(spec.labels[v]); } } },
          y: { beginAtZero: true, ticks: { maxTicksLimit: 6, callback: curTick } }
        },
        plugins: {
          sgRefs: { lines: lines },
          legend: { position: "bottom", labels: { usePointStyle: true, boxWidth: 28 } },
          tooltip: {
            filter: function (item) { return item.raw !== null; },
            callbacks: {
              title: function (items) { return items.length ? dayLabel(spec.labels[items[0].dataIndex]) : ""; },
              label: function (ctx) { return ctx.dataset.label + ": " + cur.format(ctx.raw); }
            }
          }
        }
      }
    });
  }

  function drawPctBars(canvas, spec) {
    var pct = pctFormat(spec);
    var horizontal = !!spec.horizontal;
    var valueAxis = horizontal ? "x" : "y", labelAxis = horizontal ? "y" : "x";
    if (horizontal && canvas.parentNode)
      canvas.parentNode.style.height = Math.max(200, spec.labels.length * 30 + 90) + "px";
    var top = 0;
    spec.datasets.forEach(function (d) { d.data.forEach(function (v) { if (v > top) top = v; }); });
    (spec.refs || []).forEach(function (r) { if (r.value > top) top = r.value; });
    var datasets = spec.datasets.map(function (d) {
      return { type: "bar", label: d.label, data: d.data, backgroundColor: d.colors || d.color, borderRadius: 4,
               minBarLength: 3, skipNull: true, maxBarThickness: 28 };
    });
    var scales = {};
    scales[labelAxis] = { grid: { display: false }, ticks: { autoSkip: !horizontal } };
    scales[valueAxis] = { beginAtZero: true, suggestedMax: top * 1.08,
                          ticks: { maxTicksLimit: 6, callback: function (v) { return pct.format(v); } } };
    if (spec.max) scales[valueAxis].max = spec.max;
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: spec.labels, datasets: datasets },
      plugins: [refLines],
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: scales,
        plugins: {
          sgRefs: { lines: (spec.refs || []).map(function (r) {
            return { scale: valueAxis, value: r.value, label: r.label, color: r.color };
          }) },
          legend: { display: spec.datasets.length > 1, position: "bottom" },
          tooltip: {
            filter: function (item) { return item.raw !== null; },
            callbacks: {
              label: function (ctx) { return ctx.dataset.label + ": " + pct.format(ctx.raw); },
              afterLabel: function (ctx) {
                var n = spec.datasets[ctx.datasetIndex].notes;
                return n && n[ctx.dataIndex] ? n[ctx.dataIndex] : "";
              }
            }
          }
        }
      }
    });
  }

  function drawPctXY(canvas, spec) {
    var pct = pctFormat(spec);
    var datasets = spec.datasets.map(function (d) {
      return {
        type: "scatter", showLine: true, label: d.label, borderColor: d.color,
        backgroundColor: d.fill ? soft(d.color) : d.color, fill: d.fill ? "origin" : false,
        data: d.points.map(function (p) { return { x: p[0], y: p[1] }; }),
        borderDash: dash(d.style), borderWidth: 2, pointRadius: d.points.length > 40 ? 0 : 2, tension: 0,
        pointStyle: d.style && d.style !== "solid" ? "line" : "circle"
      };
    });
    var axis = function (title) {
      return { type: "linear", min: 0, max: 1, title: { display: !!title, text: title || "" },
               ticks: { maxTicksLimit: 6, callback: function (v) { return pct.format(v); } } };
    };
    new window.Chart(canvas, {
      type: "scatter",
      data: { datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: axis(spec.xTitle), y: axis(spec.yTitle) },
        plugins: {
          legend: { position: "bottom", labels: { usePointStyle: true, boxWidth: 28 } },
          tooltip: { callbacks: { label: function (ctx) {
            return ctx.dataset.label + ": " + pct.format(ctx.raw.x) + " → " + pct.format(ctx.raw.y);
          } } }
        }
      }
    });
  }
  var chartKinds = { "progress": drawProgress, "pct-bars": drawPctBars, "pct-xy": drawPctXY };

  function drawCharts() {
    if (!window.Chart) return;
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var src = document.getElementById(canvas.getAttribute("data-chart"));
      var spec;
      try { spec = JSON.parse(src.textContent); } catch (e) { return; }
      if (chartKinds[spec.kind]) { chartKinds[spec.kind](canvas, spec); return; }
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
