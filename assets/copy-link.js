/* "Copy link" copies the page's address, which holds the whole view (filters, search,
 * language, selected event, visible range); "Copy embed code" copies an <iframe> of the
 * same address with embed=1 (the chart and the details only), titled with the timeline's
 * title, for a course page. Each says so in a live region, or shows what to copy by hand.
 * Uses the Clipboard API where the page is a secure context, else a hidden text field and
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

  function say(button, ok, text) {
    var status = document.getElementById("copy-status");
    if (!status) { return; }
    status.textContent = ok ? button.getAttribute("data-copied") : text;
  }

  function attribute(text) {
    return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;")
      .replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* The current view as an embed: the same address with embed=1 (and nothing else changed). */
  function embedCode(button) {
    var url = new URL(window.location.href);
    url.searchParams.set("embed", "1");
    url.hash = "";
    return '<iframe src="' + attribute(url.href) + '" title="' +
      attribute(button.getAttribute("data-title") || document.title) +
      '" width="100%" height="720" style="border: 0; max-width: 100%;" loading="lazy"></iframe>';
  }

  function copy(button, text) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { say(button, true, text); },
        function () { say(button, fallbackCopy(text), text); }
      );
    } else {
      say(button, fallbackCopy(text), text);
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("#copy-link");
    if (link) { copy(link, window.location.href); }
    var embed = event.target.closest("#copy-embed");
    if (embed) { copy(embed, embedCode(embed)); }
  });
})();
