/* Choosing an event from the list (a button with data-event) selects it, like a click on
 * the chart; Escape or the close button clears the selection. One delegated listener, so
 * the list can hold any number of events. After choosing (in the list or on the chart),
 * focus moves to the detail's title so keyboard and screen-reader users land on what they
 * asked for; closing the details gives it back to where it was: the list item, or the
 * chart (#chart-section) when the event was chosen there. Previous and Next in the details
 * (#detail-nav) keep the focus on themselves, so that Enter walks on; their status line
 * says which event is shown. */
window.timelineSelect = (function () {
  var returnTo = null;

  function setSelected(id) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props("selected", { data: id });
    }
  }

  /* The details and the list are drawn by the server: wait for both (up to 10 s on a
   * busy class server), for the latest choice only, and not if the person has meanwhile
   * put focus somewhere else. */
  var pending = 0;
  function focusDetail(id, from) {
    var ticket = ++pending;
    var deadline = Date.now() + 10000;
    var active = document.activeElement;
    if (!active || active === document.body) {
      returnTo = from || null;  /* a click on the chart: back to the chart */
    } else if (!active.closest("#event-detail")) {
      returnTo = active;  /* from the details to another event: keep where it began */
    }
    var start = document.activeElement;
    (function attempt() {
      if (ticket !== pending) { return; }
      var now = document.activeElement;
      if (now && now !== start && now !== document.body &&
          !now.closest("#event-detail, #event-list, #timeline")) {
        return;  /* the person went elsewhere meanwhile (the list redraws its own items) */
      }
      var title = document.getElementById("detail-title");
      var item = document.querySelector('#event-list [data-event="' + CSS.escape(id) + '"]');
      /* the details and the list come in separate answers: the title must be this
         event's, not the one before it, which the new details replace (and focus with it) */
      if (title && title.getAttribute("data-shows") === id &&
          item && item.getAttribute("aria-pressed") === "true") {
        title.focus();  /* refused while the panel is not shown yet: tried again */
        if (document.activeElement === title) { return; }
      }
      if (Date.now() < deadline) {
        setTimeout(attempt, 50);
      }
    })();
  }

  /* An event chosen in the list or by Previous and Next that a zoomed chart leaves out:
   * the chart pans to it, keeping its zoom, as a pan by hand would (the address follows:
   * components/urlsync.py). A chart that shows every event has nothing to do. */
  function bringIntoView(id) {
    var gd = document.querySelector("#timeline .js-plotly-plot");
    var axis = gd && gd.layout && gd.layout.xaxis;
    if (!axis || !Array.isArray(axis.range) || !gd.data || !window.dash_clientside) { return; }
    var x = null;
    gd.data.forEach(function (trace) {
      (trace.customdata || []).forEach(function (data, i) {
        if (x === null && data && data[0] === id) { x = Number(trace.x[i]); }
      });
    });
    var low = Number(axis.range[0]), high = Number(axis.range[1]), width = high - low;
    if (x === null || !isFinite(x) || !(width > 0) || (x >= low && x <= high)) { return; }
    window.dash_clientside.set_props("chart-axis", {
      data: {"xaxis.range[0]": x - width / 2, "xaxis.range[1]": x + width / 2}
    });
  }

  document.addEventListener("click", function (event) {
    var item = event.target.closest("[data-event]");
    if (item) {
      var id = item.getAttribute("data-event");
      setSelected(id);
      bringIntoView(id);
      if (!item.closest("#detail-nav")) { focusDetail(id); }
      return;
    }
    if (event.target.closest("[data-close='detail']")) {
      close();
    }
  });

  /* Back to where the person was; a list item is drawn anew once the selection is
   * cleared, so it is found again by its event: the event shown last, when Previous and
   * Next went on from the one first chosen and it is in the list (the person's place in
   * the list moved with them), else the one first chosen. */
  function close() {
    var title = document.getElementById("detail-title");
    var shown = title && title.getAttribute("data-shows");
    setSelected(null);
    var back = returnTo;
    returnTo = null;
    if (!back) { return; }
    var id = back.getAttribute && back.getAttribute("data-event");
    if (!id) {
      if (back.isConnected) { back.focus(); }
      return;
    }
    if (shown && document.querySelector('#event-list [data-event="' + CSS.escape(shown) + '"]')) {
      id = shown;
    }
    var tries = 0;
    (function attempt() {
      var now = document.activeElement;
      if (now && now !== document.body && !now.closest("#event-detail, #event-list")) {
        return;  /* the person went elsewhere meanwhile (typing a search): left there */
      }
      var item = document.querySelector('#event-list [data-event="' + CSS.escape(id) + '"]');
      if (item && item.getAttribute("aria-pressed") === "false") {
        item.focus();
      } else if (tries++ < 40) {
        setTimeout(attempt, 50);
      }
    })();
  }

  /* On the details' title (where choosing an event puts the focus), the arrow keys do
   * what Previous and Next do, and the focus goes to the title of the event they open. */
  var ARROWS = {ArrowLeft: "detail-previous", ArrowRight: "detail-next"};

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.getElementById("detail-title")) {
      close();
      return;
    }
    var step = ARROWS[event.key] && document.getElementById(ARROWS[event.key]);
    if (!step || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey ||
        !document.activeElement || document.activeElement.id !== "detail-title") {
      return;
    }
    event.preventDefault();
    var id = step.getAttribute("data-event");
    if (id) {
      setSelected(id);
      bringIntoView(id);
      focusDetail(id);
    }
  });

  /* An event chosen on the chart (components/timeline.py), or on the first view's chart
   * before the page was ready (assets/first-view.js): beside the chart (detail-beside.css)
   * the details are in view already; on a phone, under the chart, they are brought up.
   * Focus follows, and Escape gives it back to the chart. */
  function chosenOnChart(id) {
    if (window.matchMedia("(max-width: 800px)").matches) {
      setTimeout(function () {
        var detail = document.getElementById("event-detail");
        if (detail) { detail.scrollIntoView({behavior: "smooth", block: "nearest"}); }
      }, 250);
    }
    focusDetail(id, document.getElementById("chart-section"));
  }

  return {focusDetail: focusDetail, chosenOnChart: chosenOnChart, setSelected: setSelected};
})();
