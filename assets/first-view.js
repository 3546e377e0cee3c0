/* The page arrives with its first view drawn by the server (prerender.py) over Dash's
 * root, which builds the interactive page underneath, hidden. Once the interactive chart
 * shows the same view (its figure's meta.view equals the first view's data-view), packed
 * for its width, and the page's words are in the same language, the first view is taken
 * away in the next frame: the interactive page is already laid out at the same place, so
 * nothing moves. Keyboard focus, if a person had already put it in
 * the first view, moves to the same control of the interactive page, and what they did
 * there is done again (`replay`). The moment is marked for the benchmark
 * ("first-view-replaced"). */
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

  /* The plot width this page's chart is packed for (assets/chart-width.js): this screen's,
   * or on a first visit the first view's when the chart has that room. */
  function packedWidth(graph) { return window.timelinePacking(graph); }

  /* The same view, packed as the page draws it: on a first visit the page's components are
   * packed for a 1280 px screen, and on a phone or a screen narrower than 1280 px the
   * chart is drawn again once it has told the server its width; the first view waits. */
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

  /* What a person does in the first view before the interactive page is ready (seconds on
   * a school's laptop) is done again there at the swap; the swap took it all back before.
   * The controls say what was changed themselves, however early (the search box's value
   * and each box's ticked state against what the server wrote): a search typed, a kind or
   * topic ticked, a sort, lanes or a language chosen. Clicks are noted from the first
   * paint, and done again in order: a mark on the chart, an event in the list, "Did you
   * mean", a button. */
  function bare(id) { return id.replace(/^fp-/, ""); }
  /* What each click of the first view asks for: [kind, id], or null. Plain clicks (not
   * those for a new tab) are noted by a script at the end of the first view (serving.py
   * FIRST_CLICKS). */
  function asked(target) {
    var mark = target && target.closest && target.closest("[data-event-id]");
    if (mark && first.contains(mark)) { return ["mark", mark.getAttribute("data-event-id")]; }
    var button = target && target.closest && target.closest("button, a[data-first-event]");
    if (!button || !first.contains(button)) { return null; }
    if (button.hasAttribute("data-first-event")) {
      return ["event", button.getAttribute("data-first-event")];
    }
    if (button.hasAttribute("data-search")) { return ["search", button.getAttribute("data-search")]; }
    /* the filters' button opens the first view's filters itself (serving.py FIRST_CLICKS):
       its state is carried over, not its presses */
    return button.id && button.id !== "fp-filters-toggle" ? ["click", bare(button.id)] : null;
  }
  first.addEventListener("click", function (event) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;  /* for a new tab or window: this page is left as it is */
    }
    var action = asked(event.target);
    if (action && action[0] === "event") {  /* seen to be taken, until the details open */
      event.target.closest("[data-first-event]").classList.add("is-selected");
    }
  });

  /* {control id: value} for each control of the first view a person changed. */
  function changed() {
    var out = {};
    var box = document.getElementById("fp-search");
    if (box && box.value !== box.defaultValue) { out.search = box.value; }
    (window.timelineFirstClicks || []).forEach(function (target) {
      var action = asked(target);  /* "Did you mean …?": its word in the search box */
      if (action && action[0] === "search") { out.search = action[1]; }
    });
    Array.prototype.forEach.call(first.querySelectorAll(".dash-options-list[id^='fp-']"),
      function (group) {
        var inputs = Array.prototype.slice.call(group.querySelectorAll("input"));
        if (!inputs.some(function (input) { return input.checked !== input.defaultChecked; })) {
          return;
        }
        var ticked = inputs.filter(function (input) { return input.checked; })
          .map(function (input) { return input.value; });
        var radio = inputs.length && inputs[0].type === "radio";
        out[bare(group.id)] = radio ? ticked[0] : ticked;
      });
    return out;
  }

  function replay(controls) {
    var set = window.dash_clientside && window.dash_clientside.set_props;
    var folded = first.querySelector("#fp-filters-toggle");
    var live = document.getElementById("filters-toggle");
    if (folded && live && folded.getAttribute("aria-expanded") !== live.getAttribute("aria-expanded")) {
      live.click();
    }
    Object.keys(controls).forEach(function (id) {
      if (set) { set(id, {value: controls[id]}); }
    });
    (window.timelineFirstClicks || []).map(asked).forEach(function (action) {
      if (!action || action[0] === "search") { return; }
      if (action[0] === "mark") {  /* as a click on the interactive chart's mark */
        if (window.timelineSelect) {
          window.timelineSelect.setSelected(action[1]);
          window.timelineSelect.chosenOnChart(action[1]);
        }
        return;
      }
      var element = action[0] === "event"
        ? document.querySelector('#event-list [data-event="' + CSS.escape(action[1]) + '"]')
        : document.getElementById(action[1]);
      if (!element) { return; }
      if (action[0] === "event") { element.focus(); }  /* Escape comes back to it */
      element.click();
    });
    window.timelineFirstClicks = [];
  }

  function replace() {
    if (!first.parentNode) { return; }
    var focused = document.activeElement;
    var id = focused && first.contains(focused) && focused.id ? bare(focused.id) : null;
    var controls = changed();
    first.remove();
    if (window.performance && performance.mark) { performance.mark("first-view-replaced"); }
    var again = id && document.getElementById(id);
    if (again) { again.focus(); }
    replay(controls);
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
