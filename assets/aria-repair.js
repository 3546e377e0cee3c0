/* Dash 4 draws checklists and radio items as role="listbox" with role="option" labels
 * around real checkboxes and radio buttons: a screen reader then hears a list box whose
 * options hold controls, and axe-core reports it (aria-allowed-role, nested-interactive,
 * aria-input-field-name). The native inputs inside are already labelled and grouped by
 * our fieldsets and role="group" wrappers, so the fix is to take the wrong roles away and
 * let the native semantics speak. React sets them again when an option changes, hence the
 * observer. */
(function () {
  function repair(root) {
    root.querySelectorAll(".dash-options-list[role]").forEach(function (list) {
      list.removeAttribute("role");
    });
    root.querySelectorAll(".dash-options-list-option[role], .dash-options-list-option[aria-selected]")
      .forEach(function (option) {
        option.removeAttribute("role");
        option.removeAttribute("aria-selected");
      });
  }

  var pending = false;
  var observer = new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      repair(document);
    });
  });

  function start() {
    repair(document);
    observer.observe(document.body, {
      subtree: true, childList: true, attributes: true, attributeFilter: ["role", "aria-selected"]
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
