/* The page arrives with its first view drawn by the server (prerender.py) over Dash's
 * root, which builds the interactive page underneath, hidden. Once the interactive chart
 * shows the same view (its figure's meta.view equals the first view's data-view), packed
 * for its width, and the page's words are in the same language, the first view is taken
 * away in the next frame: the interactive page is already laid out at the same place, so
 * nothing moves. Keyboard focus, if a person had already put it in
 * the first view, moves to the same control of the interactive page. The moment is
 * marked for the benchmark ("first-view-replaced"). */
(function () {
  var LIMIT_MS = 15000;  /* past this, any interactive chart replaces the first view */
  var first = document.getElementById("first-view");
  if (!first) { return; }
  var drawn = first.querySelector("[data-view]");
  var wanted = drawn ? drawn.getAttribute("data-view") : "";
  var started = Date.now();

  function chart() {
    var graph = document.querySelector("#timeline .js-plotly-plot");
    return graph && graph._fullLayout && graph.querySelector(".main-svg") ? graph : null;
  }

  /* The plot width the server packs labels for, for this graph (timeline.plot_width). */
  function packedWidth(graph) {
    var width = Math.max(200, Math.min(Math.round(graph.getBoundingClientRect().width) - 32, 8000));
    return Math.max(200, Math.floor(width / 40) * 40);
  }

  /* The same view, packed for this screen: on a first visit the page's components are
   * packed for a 1280 px screen, and the chart is drawn again once it has told the server
   * its width; the first view (packed for a 1280 px screen or a phone) waits for that. */
  function chartReady() {
    var graph = chart();
    var meta = graph && graph.layout && graph.layout.meta;
    return Boolean(meta) && (!wanted || meta.view === wanted)
      && meta.plot_width_px === packedWidth(graph);
  }

  /* The page's words in the address's language: each comes from its own callback on the
   * language, and the chart's answer could come first (an English skip link on a French
   * page, for a moment, at the swap). These say the same as their first-view copies. So
   * do the details' title, Previous and Next's place, and a search's "Did you mean",
   * which come with answers of their own (the details' callback, the list's data): on a
   * busy machine the chart was drawn before them, and the details moved at the swap. */
  var WORDS = ["skip-link", "key-title", "events-heading", "reset", "detail-title",
               "detail-position-shown", "search-suggest"];
  function wordsReady() {
    return WORDS.every(function (id) {
      var now = document.getElementById(id), first = document.getElementById("fp-" + id);
      return !first || (now !== null && now.textContent === first.textContent);
    });
  }

  function replace() {
    if (!first.parentNode) { return; }
    var focused = document.activeElement;
    var id = focused && first.contains(focused) && focused.id ? focused.id.replace(/^fp-/, "") : null;
    first.remove();
    if (window.performance && performance.mark) { performance.mark("first-view-replaced"); }
    var again = id && document.getElementById(id);
    if (again) { again.focus(); }
  }

  function check() {
    var late = Date.now() - started > LIMIT_MS;
    if ((chartReady() && wordsReady()) || (late && chart())) {
      requestAnimationFrame(replace);
    } else if (late) {
      setTimeout(check, 250);  /* no interactive chart (yet): the first view stays */
    } else {
      requestAnimationFrame(check);
    }
  }
  requestAnimationFrame(check);
})();
