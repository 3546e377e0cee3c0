/* On a narrow screen the filters fold away behind the "Filters" button; it says whether
 * they are open (aria-expanded) and the style sheet shows or hides them. On a wide screen
 * the button is hidden and the filters are always shown. */
(function () {
  document.addEventListener("click", function (event) {
    /* the first view's copy too (prerender.py), whose ids begin with fp- */
    var button = event.target.closest("#filters-toggle, #fp-filters-toggle");
    if (!button) { return; }
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    var panel = document.getElementById(button.id.replace("toggle", "panel"));
    if (panel) { panel.classList.toggle("is-open", open); }
  });
})();
