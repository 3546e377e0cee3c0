/* The years slider's tooltip (components/filters.py): a year before 1 as people count it,
 * as the slider's marks and the chart's axis write it (core/chart/ticks.py, year_text):
 * the slider's values are astronomical years, where 0 is 1 BCE and -499 is 500 BCE. The
 * words are those of "date_bce" in core/locales (dates.json), in the page's language. */
window.dccFunctions = window.dccFunctions || {};
window.dccFunctions.yearAsPeopleCount = function (value) {
  var year = Math.round(Number(value));
  if (!(year < 1)) { return String(year); }
  var french = (document.documentElement.lang || "").indexOf("fr") === 0;
  return (1 - year) + (french ? " av. J.-C." : " BCE");
};
