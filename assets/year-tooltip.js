/* The years slider's tooltip (components/filters.py): a year before 1 as people count it,
 * as the slider's marks and the chart's axis write it (core/load/dates.py,
 * year_as_written): the slider's values are astronomical years, where 0 is 1 BCE and -499
 * is 500 BCE. The words are those of "date_bce" in core/locales (dates.json), in the
 * page's language. What a screen reader says of each handle is the same words
 * (aria-valuetext), not the number dcc gives it (aria-valuenow), and its name is in the
 * page's language (#years-label's data-first and data-last), not dcc's "Minimum". */
window.dccFunctions = window.dccFunctions || {};
window.dccFunctions.yearAsPeopleCount = function (value) {
  var year = Math.round(Number(value));
  if (!(year < 1)) { return String(year); }
  var french = (document.documentElement.lang || "").indexOf("fr") === 0;
  return (1 - year) + (french ? " av. J.-C." : " BCE");
};

(function () {
  var HANDLES = "#filter-years [role=slider][aria-valuenow]";

  function set(element, attribute, value) {
    if (value && element.getAttribute(attribute) !== value) {
      element.setAttribute(attribute, value);
    }
  }

  function name(handle) {
    set(handle, "aria-valuetext",
        window.dccFunctions.yearAsPeopleCount(handle.getAttribute("aria-valuenow")));
    var words = document.getElementById("years-label");
    var last = handle.classList.contains("dash-slider-thumb-2");
    set(handle, "aria-label", words && words.getAttribute(last ? "data-last" : "data-first"));
  }

  function nameAll() { document.querySelectorAll(HANDLES).forEach(name); }

  /* dcc draws the slider late (a lazy chunk) and sets aria-valuenow at each move; the
     language switch changes the words */
  new MutationObserver(function (changes) {
    for (var i = 0; i < changes.length; i++) {
      var target = changes[i].target;
      if (changes[i].type === "attributes" && target.matches && target.matches(HANDLES)) {
        name(target);
      } else {
        nameAll();
        return;
      }
    }
  }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow", "aria-label", "lang", "data-first"]
  });
})();
