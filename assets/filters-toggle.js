/* On a narrow screen the filters fold away behind the "Filters" button; it says whether
 * they are open (aria-expanded) and the style sheet shows or hides them. On a wide screen
 * the button is hidden and the filters are always shown. The first view's copy
 * (prerender.py) is served with a script of its own (serving.py FIRST_CLICKS). */
(function () {
  document.addEventListener("click", function (event) {
    var button = event.target.closest("#filters-toggle");
    if (!button) { return; }
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    var panel = document.getElementById("filters-panel");
    if (panel) { panel.classList.toggle("is-open", open); }
  });
})();
