/* Tell the server how wide the chart is, so labels are packed for the real width (a phone,
 * a laptop, a projector) rather than a guess. Sent once the chart exists, then after each
 * resize that changes the width by more than a few pixels; kept in a cookie (the width
 * alone) for the next visit's first view. The screen's height goes with it (in steps of
 * HEIGHT_STEP px): how many lanes fit the chart when it draws lanes. */
(function () {
  var HEIGHT_STEP = 40;
  var sent = 0;
  var sentHeight = 0;
  function report() {
    var graph = document.getElementById("timeline");
    if (!graph || !(window.dash_clientside && window.dash_clientside.set_props)) {
      setTimeout(report, 100);
      return;
    }
    var width = Math.round(graph.getBoundingClientRect().width);
    var height = Math.floor(window.innerHeight / HEIGHT_STEP) * HEIGHT_STEP;
    if (height > 0 && height !== sentHeight) {
      sentHeight = height;
      window.dash_clientside.set_props("chart-height", { data: height });
    }
    if (width > 0 && Math.abs(width - sent) > 8) {
      sent = width;
      window.dash_clientside.set_props("chart-width", { data: width });
      /* The next visit opens on a chart packed for this width (components/timeline.py). */
      document.cookie = "chart_width=" + width + "; path=/; max-age=31536000; SameSite=Lax";
    }
  }
  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(report, 200);
  });
  report();
})();
