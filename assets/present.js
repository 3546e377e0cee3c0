/* Lecture mode (/present/): keys, full screen, slide images, the presenter's clock, and
 * keeping the audience and presenter windows on the same event (BroadcastChannel: same
 * browser, no network). Everything here acts only when #present-root is on the page, so
 * the main page, which loads the same assets, is untouched. The one exception is the main
 * page's "Present" link, which is given the page's current query string. */
(function () {
  var channel = null;
  var started = Date.now();
  var deck = [];  /* the ids in presentation order, from the server (core/presentation.py) */
  var shown = null;  /* the event this window drew last (null before its first) */
  var steps = null;  /* every step of the talk, when the server sent them (present-steps) */
  var drawn = null;  /* a step drawn at a key, before Dash has been told of its address */
  var asked = 0;  /* steps this window could not make, each one asked of the server */

  function root() { return document.getElementById("present-root"); }

  function currentEvent() {
    var rest = window.location.pathname.split("/present/")[1] || "";
    return decodeURIComponent(rest.split("/")[0]);
  }

  /* Dash's address (dcc.Location) follows the browser's, and its callbacks run. */
  function tellDash() { window.dispatchEvent(new CustomEvent("_dashprivate_pushstate")); }

  /* `task` once the browser has nothing more urgent to do (the step on the screen), and
   * at the latest a little later. */
  function idle(task) {
    if (window.requestIdleCallback) { window.requestIdleCallback(task, {timeout: 250}); }
    else { requestAnimationFrame(function () { setTimeout(task, 0); }); }
  }

  /* Goes to `event`'s step: a history entry (so Back steps back), the step drawn at once
   * when this window holds it (drawHere), else by the callbacks Dash runs for the new
   * address. Dash is told of a step drawn here only after it is on the screen: its
   * callback for the address then finds it drawn and does nothing. */
  function go(event) {
    var path = "/present/" + encodeURIComponent(event) + window.location.search;
    if (path === window.location.pathname + window.location.search) { return; }
    window.history.pushState({}, "", path);
    if (drawHere(event)) {
      requestAnimationFrame(function () { setTimeout(tellDash, 0); });
    } else {
      tellDash();
      /* Tell the other windows now, not after the server has answered. */
      if (channel) { channel.postMessage({event: event}); }
    }
  }

  /* Computed here, not read from the links, so a fast double press on a clicker moves
   * two steps even before the first is drawn. Same rules as Deck.step. */
  function step(action) {
    if (!deck.length) { return; }
    var here = Math.max(0, deck.indexOf(currentEvent()));
    var last = deck.length - 1;
    var target = {next: Math.min(here + 1, last), previous: Math.max(here - 1, 0),
                  first: 0, last: last}[action];
    go(deck[target]);
  }

  /* The focus of the step shown: the ring round the event told and the labels of it and
   * its neighbours (core/chart/projector.py, split_focus), drawn over the chart by this
   * page, not by Plotly. A step then leaves Plotly alone: given a figure changed only in
   * its annotations and shapes, Plotly worked out every trace again, about half a step's
   * time (bench/README.md). Placed from the axes' ranges as Plotly has them at the time,
   * and again after each of its redraws and during a pan, so they stay on their marks. */
  var SVG = "http://www.w3.org/2000/svg";
  var focus = null;
  var middles = {};  /* a font's offset from a label's middle to its baseline, in px */

  function svgNode(name, attributes) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  /* The layer over the chart: above Plotly's drawing, below its hover labels (its last
   * SVG), put back there should Plotly draw its SVGs anew. */
  function focusLayer(graph) {
    var container = graph.querySelector(".svg-container");
    if (!container) { return null; }
    var layer = container.querySelector(":scope > svg.present-focus") ||
                svgNode("svg", {"class": "present-focus", "aria-hidden": "true"});
    var drawn = container.querySelectorAll(":scope > svg.main-svg");
    var above = drawn.length > 1 ? drawn[drawn.length - 1] : null;
    if (layer.parentNode !== container || layer.nextSibling !== above) {
      container.insertBefore(layer, above);
    }
    return layer;
  }

  /* Where `value` is along `axis`, in px from the chart's top left corner. */
  function place(axis, value, down) {
    var low = axis.r2l(axis.range[0]), high = axis.r2l(axis.range[1]);
    var share = (axis.d2l(value) - low) / (high - low);
    return axis._offset + (down ? 1 - share : share) * axis._length;
  }

  function middle(layer, label) {
    var font = [label.family, label.size, label.weight].join("|");
    if (!(font in middles)) {
      var probe = labelNode(label, 0, 0);
      layer.appendChild(probe);
      var box = probe.getBBox();
      probe.remove();
      var offset = box.y + box.height / 2;
      /* kept once the page's fonts are in: measured in a fallback font, measured again */
      if (!box.height || (document.fonts && document.fonts.status !== "loaded")) { return offset; }
      middles[font] = offset;
    }
    return middles[font];
  }

  function labelNode(label, x, y) {
    var text = svgNode("text", {
      x: x, y: y, "text-anchor": label.anchor === "right" ? "end" : "start",
      "font-family": label.family || "sans-serif", "font-size": label.size + "px",
      "font-weight": label.weight || 400, fill: label.color, "class": "present-label"
    });
    text.textContent = label.text;  /* text, never markup */
    return text;
  }

  function drawFocus(next) {
    if (next !== undefined) { focus = next; }
    var graph = document.querySelector("#present-graph .js-plotly-plot");
    var full = graph && graph._fullLayout;
    if (!full || !full.xaxis || !full.yaxis || !full.xaxis.range) { return; }
    hook(graph);
    var layer = focusLayer(graph);
    if (!layer) { return; }
    var x = full.xaxis, y = full.yaxis;
    layer.textContent = "";
    if (!focus) { return; }
    /* the rings clipped to the plot, as Plotly clips a shape on the axes */
    var plot = svgNode("svg", {x: x._offset, y: y._offset, width: x._length, height: y._length});
    focus.rings.forEach(function (ring) {
      plot.appendChild(svgNode("circle", {
        cx: place(x, ring.x) - x._offset, cy: place(y, ring.y, true) - y._offset, r: ring.r,
        fill: "none", stroke: ring.color, "stroke-width": ring.width, "class": "present-ring"
      }));
    });
    layer.appendChild(plot);
    focus.labels.forEach(function (label) {
      var left = place(x, label.x), top = place(y, label.y, true);
      /* as Plotly hides an annotation whose point has left the axes */
      if (left < x._offset - 0.5 || left > x._offset + x._length + 0.5) { return; }
      /* on whole pixels, as Plotly put them (the same pixels, compared) */
      layer.appendChild(labelNode(label, Math.round(left), Math.round(top - middle(layer, label))));
    });
  }

  function redrawFocus() { drawFocus(); }

  /* Plotly's redraws (a new size, a language) and its pan, each followed. */
  function hook(graph) {
    var ev = graph._ev;
    if (!ev || !graph.on || ev.listeners("plotly_afterplot").indexOf(redrawFocus) >= 0) { return; }
    ["plotly_afterplot", "plotly_relayouting", "plotly_relayout"].forEach(function (name) {
      graph.on(name, redrawFocus);
    });
  }

  /* What a step changes, as [component id, props], in the order of the outputs of the
   * step callback (lecture/mode.py): the card, the presenter's panel, "3 / 25", the links
   * and the page's title. */
  var LINKS = ["present-first", "present-previous", "present-next", "present-last",
               "present-presenter-link", "present-leave"];
  function stepProps(step) {
    return [["present-card", {children: step.card}],
            ["presenter", {children: step.presenter}], ["present-step", {children: step.step}]]
      .concat(LINKS.map(function (id, i) { return [id, {href: step.links[i]}]; }))
      .concat([["present-document", {data: step.document}]]);
  }

  /* Draws `event`'s step from the steps the server sent, straight into the components
   * (set_props), without waiting for Dash to see the new address and run the step
   * callback: that round of Dash's was a sixth of a step's time (bench/README.md).
   * False when this window does not hold that step (build mode, questions, long decks,
   * an unknown id). */
  function drawHere(event) {
    var step = steps && steps[event];
    var set = window.dash_clientside && window.dash_clientside.set_props;
    if (!step || !step.focus || !set) { return false; }
    drawFocus(step.focus);
    /* What is seen first: the card, the presenter's panel, "3 / 25". The links and the
     * page's title once the step is on the screen (their callbacks, run by Dash at once,
     * held its frame back by about 20 ms), unless another step has come since. */
    var changes = stepProps(step);
    changes.slice(0, 3).forEach(function (change) { set(change[0], change[1]); });
    idle(function () {
      if (currentEvent() !== event) { return; }
      changes.slice(3).forEach(function (change) { set(change[0], change[1]); });
    });
    drawn = event;
    announce(event);
    return true;
  }

  function fullScreen() {
    var el = document.documentElement;
    if (document.fullscreenElement) { document.exitFullscreen(); return; }
    var request = el.requestFullscreen || el.webkitRequestFullscreen;
    if (request) { request.call(el); }
  }

  var KEYS = {
    ArrowRight: "next", ArrowDown: "next", " ": "next", PageDown: "next",
    ArrowLeft: "previous", ArrowUp: "previous", PageUp: "previous",
    Home: "first", End: "last"
  };

  document.addEventListener("keydown", function (event) {
    if (!root() || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) { return; }
    /* Space on a focused button presses it (Restart clock, PNG, SVG), as everywhere else. */
    if (event.key === " " && target.closest && target.closest("button, summary, [role=button]")) {
      return;
    }
    if (KEYS[event.key]) {
      event.preventDefault();
      step(KEYS[event.key]);
    } else if (event.key === "f" || event.key === "F") {
      event.preventDefault();
      fullScreen();
    } else if (event.key === "Escape" && !document.fullscreenElement) {
      var leave = document.getElementById("present-leave");
      if (leave) { window.location.assign(leave.href); }
    }
  });

  function openChannel() {
    if (channel || !("BroadcastChannel" in window)) { return; }
    channel = new BroadcastChannel("timeline-present");
    channel.onmessage = function (message) {
      /* A window that has just opened asks where the talk is; the others answer. */
      if (message.data && message.data.hello) {
        if (root() && currentEvent()) { channel.postMessage({event: currentEvent()}); }
        return;
      }
      var wanted = message.data && message.data.event;
      if (wanted && wanted !== currentEvent() && root()) { go(wanted); }
    };
  }

  /* Slide images: the server's 1920x1080 slide (lecture/slide_route.py: every label that
   * fits, none over a mark), drawn by Plotly as SVG with the app's font put inside it, so
   * the SVG and the PNG made from it are set in Atkinson Hyperlegible on any computer (an
   * SVG drawn as an image sees no web font of the page). */
  var FONTS = [[400, "/assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2"],
               [700, "/assets/fonts/atkinson-hyperlegible-latin-700-normal.woff2"]];
  var SLIDE = {width: 1920, height: 1080};

  function dataUrl(blob) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = reject;
      reader.readAsDataURL(blob);
    });
  }

  function fontFaces() {
    return Promise.all(FONTS.map(function (font) {
      return fetch(font[1]).then(function (r) { return r.blob(); }).then(dataUrl).then(function (url) {
        return '@font-face{font-family:"Atkinson Hyperlegible";font-weight:' + font[0] +
               ';font-style:normal;src:url("' + url.replace(/^data:[^;]*;/, "data:font/woff2;") +
               '") format("woff2")}';
      });
    })).then(function (rules) { return rules.join(""); });
  }

  function withFont(svg, css) {
    var end = svg.indexOf(">", svg.indexOf("<svg"));
    return svg.slice(0, end + 1) + "<defs><style>" + css + "</style></defs>" + svg.slice(end + 1);
  }

  function save(blob, extension, filename) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = (filename || "timeline") + "." + extension;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function toPng(svg) {
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = SLIDE.width;
        canvas.height = SLIDE.height;
        /* the font inside the SVG is decoded with the image; a frame later it is drawn */
        requestAnimationFrame(function () {
          canvas.getContext("2d").drawImage(image, 0, 0, SLIDE.width, SLIDE.height);
          canvas.toBlob(resolve, "image/png");
        });
      };
      image.onerror = reject;
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
    });
  }

  function download(format, filename) {
    if (!window.Plotly) { return; }
    var slide = fetch("/slide.json" + window.location.search).then(function (r) { return r.json(); })
      .then(function (figure) {
        return window.Plotly.toImage({data: figure.data, layout: figure.layout},
                                     {format: "svg", width: SLIDE.width, height: SLIDE.height});
      })
      .then(function (url) { return decodeURIComponent(url.replace(/^data:image\/svg\+xml,/, "")); });
    Promise.all([slide, fontFaces()]).then(function (parts) {
      var svg = withFont(parts[0], parts[1]);
      if (format === "svg") {
        save(new Blob([svg], {type: "image/svg+xml"}), "svg", filename);
      } else {
        toPng(svg).then(function (blob) { save(blob, "png", filename); });
      }
    });
  }

  /* The bar's First, Previous, Next and Last step as the keys do. Caught before the
   * links see the click (capture), so that they do not also go through Dash. A click
   * for a new tab or window is the link's. */
  var BAR = {"present-first": "first", "present-previous": "previous",
             "present-next": "next", "present-last": "last"};
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[id]");
    var action = link && BAR[link.id];
    if (!action || !root() || !deck.length || event.button !== 0 || event.altKey ||
        event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    event.preventDefault();
    event.stopPropagation();
    step(action);
  }, true);

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-image]");
    if (button && root()) {
      download(button.getAttribute("data-image"), button.getAttribute("data-filename") || "timeline");
    }
    if (event.target.closest && event.target.closest("#presenter-restart")) { started = Date.now(); }
  });

  /* The main page's Present link carries the page's filters, whatever they are now. */
  function presentLink(event) {
    var link = event.target.closest && event.target.closest("#present-link");
    if (link) { link.setAttribute("href", "/present/" + window.location.search); }
  }
  ["click", "focusin", "mouseover", "auxclick", "contextmenu"].forEach(function (name) {
    document.addEventListener(name, presentLink, true);
  });

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  setInterval(function () {
    var elapsed = document.getElementById("presenter-elapsed");
    if (!elapsed) { return; }
    var seconds = Math.floor((Date.now() - started) / 1000);
    elapsed.textContent = Math.floor(seconds / 60) + ":" + pad(seconds % 60);
    var now = new Date();
    document.getElementById("presenter-time").textContent = pad(now.getHours()) + ":" + pad(now.getMinutes());
  }, 1000);

  /* The chart's [width, height], so labels are packed and sized for the real screen. */
  function graphSize() {
    var graph = document.getElementById("present-graph");
    if (!graph) { return [0, 0]; }
    var box = graph.getBoundingClientRect();
    return [Math.round(box.width), Math.round(box.height)];
  }

  /* Reports the chart's size when the server drew for another. data-present-sized on the
   * page says whether the step on the screen was drawn for the chart's real size ("1") or
   * a redraw for it is on its way ("0"): tests wait for "1" rather than for a quiet
   * network, which a slow machine can reach between the two. */
  function reportSize(known) {
    var size = graphSize();
    known = known || [0, 0];
    var report = size[0] > 0 && (Math.abs(size[0] - known[0]) > 8 || Math.abs(size[1] - known[1]) > 8);
    document.documentElement.setAttribute("data-present-sized", report ? "0" : "1");
    if (report) {
      window.dash_clientside.set_props("present-size", {data: size});
    }
  }

  var resizing = null;
  window.addEventListener("resize", function () {
    if (!root() || !(window.dash_clientside && window.dash_clientside.set_props)) { return; }
    clearTimeout(resizing);
    document.documentElement.setAttribute("data-present-sized", "0");
    resizing = setTimeout(function () { reportSize(null); }, 200);
  });

  /* Tell the other windows where this one is, once it has shown a step of its own. */
  function announce(event) {
    if (shown === null) {
      if (channel) { channel.postMessage({hello: true}); }
    } else if (channel && event && event !== shown) {
      channel.postMessage({event: event});  /* a step, not a redraw (resize, language) */
    }
    shown = event;
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.present = {
      /* The step the address names, from every step the server sent (lecture/mode.py),
       * when it was not drawn at a key already (a link, Back, another window's step): the
       * card, the presenter's panel, the links, the title, and the ring and labels over the
       * chart. A step this window does not hold is asked of the server (present-ask). */
      show: function (pathname, all) {
        var no = window.dash_clientside.no_update;
        var event = decodeURIComponent(((pathname || "").split("/present/")[1] || "").split("/")[0]);
        var step = all && all[event];
        var nothing = stepProps({links: []}).map(function () { return no; });  /* all kept */
        var drawnAlready = event === drawn;
        drawn = null;
        if (drawnAlready) { return nothing.concat([no]); }
        if (!step) {
          asked += 1;
          return nothing.concat([asked]);
        }
        drawFocus(step.focus);
        announce(event);
        return stepProps(step).map(function (change) {
          var props = change[1];
          return props[Object.keys(props)[0]];
        }).concat([no]);
      },
      /* Runs after every step the server draws (it sends the deck each time): its ring
       * and labels are drawn, other windows follow, and the chart is packed for its real
       * width. */
      stepped: function (sent, known, all, sentFocus) {
        deck = (sent && sent.ids) || [];
        steps = all || null;
        drawn = null;
        drawFocus(sentFocus || null);
        /* keys work from now on; tests (and anyone curious) can see the deck is in */
        document.documentElement.setAttribute("data-present-deck", String(deck.length));
        openChannel();
        var event = currentEvent();
        if (deck.length && deck.indexOf(event) < 0) {  /* /present/ or an unknown id: name
                                                         the event shown, for sharing */
          event = deck[0];
          window.history.replaceState({}, "", "/present/" + encodeURIComponent(event) + window.location.search);
        }
        /* The server draws the step of the address it was sent. A key pressed while it
           answered (the chart's size, reported just after the first view, is such an
           answer) has moved on since: that step is drawn again, over the server's. */
        if (sent && sent.shown && sent.shown !== event) { drawHere(event); }
        /* A new window joins the talk where it is rather than pulling the others back to
           where it was opened; after that, every step it takes is news for the others. */
        announce(event);
        reportSize(known);
        return event;
      }
  };
})();
