/* Tell the server how wide the chart is, so labels are packed for the real width (a phone,
 * a laptop, a projector) rather than a guess. Sent once the chart exists, then after each
 * resize that changes the width by more than a few pixels; kept in a cookie (the width
 * alone) for the next visit's first view. The screen's height goes with it (in steps of
 * HEIGHT_STEP px): how many lanes fit the chart when it draws lanes.
 *
 * On a first visit, the page's first view (prerender.py) is packed for a 1280 px screen or
 * for a phone. While the chart has at least the room that was packed for, that packing is
 * kept until the window is resized: its labels still fit (with room to spare), the chart
 * keeps the first view's height, and nothing under it moves when the interactive chart
 * takes its place. A narrower chart (a 1024 px projector, a 320 px phone) is packed for
 * itself in the first view's height, its labels shortened to fit the lanes that height
 * holds ("chart-keep"). The cookie holds the real width, so the next visit's first
 * view is packed for it. */
(function () {
  var HEIGHT_STEP = 40;
  /* the graph width the chart is packed for, as the server knows it: at first the one the
     page's chart came packed for (components/timeline.py), nothing to report where that
     is this page's packing */
  var sent = null;
  var remembered = 0;  /* the real width in the cookie */
  var sentHeight = 0;
  var kept = null;  /* the first view's packing, kept for this visit (0: none) */
  var held = 0;  /* the first view's packing, wider than the chart: its lanes kept (0: none) */
  var sentHeld = 0;

  /* The plot width the server packs labels for, for a graph this wide (timeline.plot_width). */
  function plotWidth(graphWidth) {
    var width = Math.max(200, Math.min(Math.round(graphWidth) - 32, 8000));
    return Math.max(200, Math.floor(width / 40) * 40);
  }

  /* The plot width the first view on the screen was packed for (null: none shown). */
  function firstViewPacking() {
    var boxes = document.querySelectorAll("#first-view .first-chart-box[data-plot-width]");
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].getBoundingClientRect().height > 0) {
        return parseInt(boxes[i].getAttribute("data-plot-width"), 10) || null;
      }
    }
    return null;
  }

  /* The plot width this page draws its chart for (assets/first-view.js waits for it). */
  window.timelinePacking = function (graph) {
    var real = plotWidth(graph.getBoundingClientRect().width);
    if (kept === null) {
      var shown = firstViewPacking();
      kept = shown && shown <= real ? shown : 0;
      held = shown && shown > real ? shown : 0;
    }
    return kept && kept <= real ? kept : real;
  };

  function report() {
    var graph = document.getElementById("timeline");
    if (!graph || !(window.dash_clientside && window.dash_clientside.set_props)) {
      setTimeout(report, 100);
      return;
    }
    if (sent === null) {
      var section = document.getElementById("chart-section");
      sent = parseInt(section && section.getAttribute("data-packed-width"), 10) || 0;
    }
    var real = Math.round(graph.getBoundingClientRect().width);
    /* a graph width the server packs as this page draws (plot_width of it: the packing) */
    var width = window.timelinePacking(graph) + 32;
    var height = Math.floor(window.innerHeight / HEIGHT_STEP) * HEIGHT_STEP;
    if (height > 0 && height !== sentHeight) {
      sentHeight = height;
      window.dash_clientside.set_props("chart-height", { data: height });
    }
    if (held !== sentHeld) {  /* read with the width below, so set before it */
      sentHeld = held;
      window.dash_clientside.set_props("chart-keep", { data: held ? held + 32 : null });
    }
    if (real > 0 && Math.abs(width - sent) > 8) {
      sent = width;
      window.dash_clientside.set_props("chart-width", { data: width });
    }
    if (real > 0 && Math.abs(real - remembered) > 8) {
      remembered = real;
      /* The next visit opens on a chart packed for this width (components/timeline.py). */
      document.cookie = "chart_width=" + real + "; path=/; max-age=31536000; SameSite=Lax";
    }
  }
  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      kept = 0;  /* a new size: packed for it, its own height */
      held = 0;
      report();
    }, 200);
  });
  report();
})();
