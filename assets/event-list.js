/* Draws the list of events under the chart from the data the server sends (see
 * components/event_list.py). Plain DOM, text only (textContent), so a title can hold
 * anything and stays text; one pass, so hundreds of items draw in a few milliseconds.
 * Each item: li > button.event-item[data-event] > date, title, kind (glyph and name), a
 * thumbnail when the event has a picture (decorative, alt=""), and a "no source" mark
 * when the event has none. assets/select.js handles the clicks. The data also says what
 * the details' Previous and Next show, which follow the list (`step`).
 *
 * A redraw draws the first `FIRST` items with the chart and the others (up to 300, the
 * server's limit) just after that frame is on the screen: laying out 300 items was a
 * fifth of a search's redraw at 10,000 events (bench/README.md). The page's first list
 * is drawn whole, as the first view it replaces holds it whole. */
window.eventList = (function () {
  var FIRST = 100;
  var drawn = false;  /* the list has been drawn once */
  var rest = null;  /* the items still to come after this frame, if any */
  function span(className, text) {
    var element = document.createElement("span");
    element.className = className;
    if (text !== undefined) { element.textContent = text; }
    return element;
  }

  function item(entry, data) {
    var selected = entry.id === data.selected;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "event-item" + (selected ? " is-selected" : "");
    button.setAttribute("data-event", entry.id);
    button.setAttribute("aria-pressed", selected ? "true" : "false");
    var kind = span("event-kind");
    var glyph = span("glyph", entry.glyph);
    glyph.style.color = entry.colour;
    glyph.setAttribute("aria-hidden", "true");
    kind.append(glyph, entry.kind);
    button.append(span("event-date", entry.when), span("event-title", entry.title), kind);
    if (entry.lane) {  /* the lane(s) the chart draws it in, when it draws lanes */
      button.append(span("event-lane", entry.lane));
    }
    if (entry.thumb) {  /* drawn in the item's left margin (style.css): dates stay aligned */
      var thumb = document.createElement("img");
      thumb.className = "event-thumb";
      thumb.src = entry.thumb;  /* the app's own /media/<id>?size=thumb */
      thumb.alt = "";
      thumb.loading = "lazy";
      thumb.width = 64;
      thumb.height = 48;
      button.append(thumb);
    }
    if (!entry.sourced) {
      var mark = span("no-source-mark", data.no_source.mark);
      mark.title = data.no_source.title;
      button.append(mark);
    }
    var li = document.createElement("li");
    li.append(button);
    return li;
  }

  function note(text, className) {
    var li = document.createElement("li");
    li.className = className;
    li.textContent = text;
    return li;
  }

  /* Previous and Next in the details (components/detail.py `steps`): {element id:
   * {property: value}}, set on the elements the page already has, so that the button
   * pressed keeps the focus. "children" is text; null takes an attribute away. The status
   * line (a live region) speaks only for a step made with them: an event chosen in the
   * list or on the chart has its title focused, and read, already. */
  function step(steps) {
    var stepping = document.activeElement && document.activeElement.closest &&
      document.activeElement.closest("#detail-nav");
    Object.keys(steps || {}).forEach(function (id) {
      var element = document.getElementById(id);
      if (!element) { return; }
      var props = steps[id];
      if (id === "detail-position-said" && !stepping) { props = {children: ""}; }
      Object.keys(props).forEach(function (name) {
        var value = props[name];
        if (name === "children") {
          element.textContent = value;
        } else if (name === "hidden") {
          element.hidden = Boolean(value);
        } else if (value === null) {
          element.removeAttribute(name);
        } else {
          element.setAttribute(name, value);
        }
      });
    });
  }

  /* Under the search box, for a search that finds nothing: "Did you mean <button>?"
   * (core/view/suggest.py); the button puts that search in the box. */
  function suggest(data) {
    var place = document.getElementById("search-suggest");
    if (!place) { return; }
    var offer = data && data.suggest;
    if (!offer) { place.replaceChildren(); return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.setAttribute("data-search", offer.query);
    button.textContent = offer.query;
    place.replaceChildren(offer.before, button, offer.after);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#search-suggest [data-search]");
    if (!button || !(window.dash_clientside && window.dash_clientside.set_props)) { return; }
    var box = document.getElementById("search");
    window.dash_clientside.set_props("search", {value: button.getAttribute("data-search")});
    if (box) { box.focus(); }
  });

  function draw(data) {
    var list = document.getElementById("event-list");
    if (!list || !data) { return window.dash_clientside.no_update; }
    step(data.steps);
    suggest(data);
    var focused = document.activeElement && list.contains(document.activeElement)
      ? document.activeElement.getAttribute("data-event") : null;
    var entries = data.items;
    var now = entries.length;
    if (drawn && now > FIRST) {
      now = FIRST;
      /* a focused item further down is drawn now, so that the focus stays on it */
      entries.forEach(function (entry, index) {
        if (entry.id === focused) { now = Math.max(now, index + 1); }
      });
    }
    var notes = [];
    if (data.empty) { notes.push(note(data.empty, "empty")); }
    if (data.more) { notes.push(note(data.more, "empty list-more")); }
    var items = entries.slice(0, now).map(function (entry) { return item(entry, data); });
    list.replaceChildren.apply(list, now === entries.length ? items.concat(notes) : items);
    list.classList.toggle("has-thumbs", entries.some(function (entry) { return entry.thumb; }));
    list.classList.toggle("is-partial", now < entries.length);  /* style.css */
    drawn = true;
    var later = rest = now < entries.length ? {} : null;
    if (later) {
      requestAnimationFrame(function () {
        setTimeout(function () {
          if (rest !== later) { return; }  /* drawn again since */
          rest = null;
          list.append.apply(list, entries.slice(now).map(function (entry) {
            return item(entry, data);
          }).concat(notes));
          list.classList.remove("is-partial");
        }, 0);
      });
    }
    if (focused) {  // a redraw keeps the keyboard where it was
      var again = list.querySelector('[data-event="' + CSS.escape(focused) + '"]');
      if (again) { again.focus(); }
    }
    return entries.length;
  }

  return {draw: draw};
})();
