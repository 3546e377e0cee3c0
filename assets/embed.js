/* The embed view (?embed=1, for an <iframe> in a course page): the chart and the details
 * only. The page's root gets the class "is-embed" before Dash draws anything, and the
 * style sheet hides the filters, sharing, the footer and all of the header but the
 * title; the address keeps
 * embed=1 with the rest of the view (core/view/address.py). The "Open the whole timeline"
 * link opens the same view without embed=1, in a new tab. Nothing here talks to the page
 * around the frame. */
(function () {
  var params = new URLSearchParams(window.location.search);
  if (params.get("embed") !== "1") { return; }
  document.documentElement.classList.add("is-embed");

  function fullView() {
    var url = new URL(window.location.href);
    url.searchParams.delete("embed");
    return url.pathname + url.search;
  }
  function openLink(event) {
    var link = event.target.closest && event.target.closest("#embed-open");
    if (link) { link.setAttribute("href", fullView()); }
  }
  ["click", "focusin", "mouseover", "auxclick", "contextmenu"].forEach(function (name) {
    document.addEventListener(name, openLink, true);
  });
})();
