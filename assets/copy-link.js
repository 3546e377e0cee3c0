/* "Copy link": copies the page's address, which holds the whole view (filters, search,
 * language, selected event, visible range), and says so in a live region. Uses the
 * Clipboard API where the page is a secure context, else a hidden text field and
 * execCommand (a class server on plain http). */
(function () {
  function fallbackCopy(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(field);
    return ok;
  }

  function say(button, ok) {
    var status = document.getElementById("copy-status");
    if (!status) { return; }
    status.textContent = ok ? button.getAttribute("data-copied") : window.location.href;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("#copy-link");
    if (!button) { return; }
    var href = window.location.href;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(href).then(
        function () { say(button, true); },
        function () { say(button, fallbackCopy(href)); }
      );
    } else {
      say(button, fallbackCopy(href));
    }
  });
})();
