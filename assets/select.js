/* Choosing an event from the list (a button with data-event) selects it, like a click on
 * the chart; Escape or the close button clears the selection. One delegated listener, so
 * the list can hold any number of events. After choosing, focus moves to the detail's
 * title so keyboard and screen-reader users land on what they asked for. */
(function () {
  function setSelected(id) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props("selected", { data: id });
    }
  }

  function focusDetail(id) {
    var tries = 0;
    (function attempt() {
      var title = document.getElementById("detail-title");
      var item = document.querySelector('#event-list [data-event="' + CSS.escape(id) + '"]');
      if (title && item && item.getAttribute("aria-pressed") === "true") {
        title.focus();
      } else if (tries++ < 40) {
        setTimeout(attempt, 50);
      }
    })();
  }

  document.addEventListener("click", function (event) {
    var item = event.target.closest("[data-event]");
    if (item) {
      var id = item.getAttribute("data-event");
      setSelected(id);
      focusDetail(id);
      return;
    }
    if (event.target.closest("[data-close='detail']")) {
      setSelected(null);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.getElementById("detail-title")) {
      setSelected(null);
    }
  });
})();
