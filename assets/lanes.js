/* The "Show N more lanes" / "Fewer lanes" button under the chart (components/timeline.py):
 * a click flips the `lanes-all` store, which the address keeps (lanes_all=1) and the
 * chart's redraw reads, drawing every lane or only those that fit the screen. */
window.dash_clientside = window.dash_clientside || {};
window.dash_clientside.lanes = {
  toggle: function (clicks, all) {
    if (!clicks) {
      return window.dash_clientside.no_update;
    }
    return !all;
  },
};
