/* The self-test (/quiz/, quiz/page.py): asks the round the server sent once, checks each
 * answer here, and keeps progress and best scores in this browser's localStorage. Nothing
 * about a student, not even an answer, is sent to the server.
 *
 * Scoring (assets/quiz-kit.js) follows core/quiz/scoring.py; the order question is
 * assets/quiz-order.js. Everything from the data goes in with textContent, never as HTML;
 * the only links are the event's place on the timeline (built by the server) and
 * references' links (built by core/publish/citations.py, http(s) only, checked again).
 *
 * Elsewhere (the main page, lecture mode) this file does one thing: the main page's
 * "Test yourself" link is given the page's current query string. */
(function () {
  "use strict";

  var Q = window.timelineQuiz = window.timelineQuiz || {};  /* assets/quiz-kit.js, quiz-order.js */
  var STORE = "timeline-quiz:";
  var round = null;    /* what the server sent (core/quiz/payload.py) */
  var answers = [];    /* one {verdict, points, answer} per question answered */
  var showing = 0;     /* the question on screen (answered or not) */

  function el(tag, attrs, children) { return Q.el(tag, attrs, children); }
  function safeUrl(url) { return Q.safeUrl(url); }

  /* ---- texts ---- */

  function text(key, values) {
    var template = (round && round.texts[key]) || key;
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? String(values[name]) : whole;
    });
  }

  function formatScore(points, total) {
    return text("quiz_score", {points: Q.formatPoints(points, text("quiz_decimal_mark")), total: total});
  }

  function stage() { return document.getElementById("quiz-stage"); }
  function card() { return document.getElementById("quiz-card"); }
  function say(message) {
    var live = document.getElementById("quiz-live");
    if (!live) { return; }
    live.textContent = "";
    /* emptied first, so the same words said twice are said twice */
    window.setTimeout(function () { live.textContent = message; }, 30);
  }
  function event(id) { return round.events[id] || {title: id, when: "", references: []}; }

  /* ---- progress in this browser only ---- */

  function storageKey() { return STORE + round.key; }

  function loadProgress() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(storageKey()) || "null");
      return saved && Array.isArray(saved.answers) ? saved : {answers: [], best: null};
    } catch (e) {
      return {answers: [], best: null};  /* storage off or full: the round still works */
    }
  }

  function saveProgress(best) {
    var saved = loadProgress();
    saved.answers = answers;
    if (best !== undefined) { saved.best = best; }
    try { window.localStorage.setItem(storageKey(), JSON.stringify(saved)); } catch (e) { /* kept in the page only */ }
    return saved;
  }

  function total() {
    return answers.reduce(function (sum, a) { return sum + a.points; }, 0);
  }

  /* ---- the status line: question n of N, the score, start again ---- */

  function updateStatus() {
    var count = round.questions.length;
    var progress = document.getElementById("quiz-progress");
    var done = showing >= count;  /* the end says so itself, with its own "start again" */
    progress.textContent = done ? "" : text("quiz_progress", {n: showing + 1, total: count});
    document.getElementById("quiz-restart").hidden = done;
    document.getElementById("quiz-score").textContent = formatScore(total(), answers.length);
  }

  function frame() {
    var root = stage();
    root.textContent = "";
    if (!round.questions.length) {
      root.appendChild(el("p", {className: "quiz-empty", id: "quiz-empty", text: text("quiz_empty")}));
      return;
    }
    root.appendChild(el("div", {className: "quiz-status"}, [
      el("p", {id: "quiz-progress", className: "quiz-progress"}),
      el("p", {className: "quiz-score-line"}, [
        text("quiz_score_label"), " ", el("span", {id: "quiz-score", className: "quiz-score"})
      ]),
      el("button", {type: "button", id: "quiz-restart", className: "small-button", text: text("quiz_restart"),
                    on: {click: restart}})
    ]));
    root.appendChild(el("div", {id: "quiz-card", className: "quiz-card"}));
    root.appendChild(el("div", {id: "quiz-live", className: "visually-hidden", "aria-live": "assertive"}));
  }

  function restart() {
    answers = [];
    saveProgress();
    ask(true);
  }

  /* ---- asking ---- */

  function ask(focus) {
    var index = showing = answers.length;
    updateStatus();
    if (index >= round.questions.length) { finish(focus); return; }
    var question = round.questions[index];
    var box = card();
    box.textContent = "";
    var heading = el("h2", {id: "quiz-question", tabindex: "-1", className: "quiz-question"});
    box.appendChild(heading);
    if (question.kind === "year") {
      heading.appendChild(el("span", {className: "quiz-prompt", text: text("quiz_q_year")}));
      heading.appendChild(document.createTextNode(" "));
      heading.appendChild(el("span", {className: "quiz-subject", text: event(question.shown[0]).title}));
      box.appendChild(yearForm(question));
    } else if (question.kind === "first") {
      heading.textContent = text("quiz_q_first");
      box.appendChild(firstChoices(question));
    } else {
      heading.textContent = text("quiz_q_order");
      Q.orderList(question, {
        text: text, say: say, title: function (id) { return event(id).title; },
        done: function (order) { answered(question, order); }
      }).forEach(function (node) { box.appendChild(node); });
    }
    if (focus) { heading.focus(); }
  }

  function yearForm(question) {
    var first = round.year_range[0], last = round.year_range[1];
    var error = el("p", {id: "quiz-year-error", className: "quiz-error", role: "alert"});
    var input = el("input", {
      id: "quiz-year-input", type: "number", inputmode: "numeric", step: "1", min: first, max: last,
      autocomplete: "off", "aria-describedby": "quiz-year-hint quiz-year-error", className: "quiz-year-input"
    });
    var form = el("form", {className: "quiz-year", novalidate: true}, [
      el("label", {"for": "quiz-year-input", text: text("quiz_year_label")}),
      el("p", {id: "quiz-year-hint", className: "quiz-hint", text: text("quiz_year_hint", {first: first, last: last})}),
      input,
      el("button", {type: "submit", id: "quiz-check", className: "quiz-button", text: text("quiz_check")}),
      error
    ]);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (form.getAttribute("data-answered")) { return; }
      var value = input.value.trim();
      var guess = Number(value);
      if (!/^-?\d{1,4}$/.test(value) || guess < first || guess > last) {
        error.textContent = text("quiz_year_invalid", {first: first, last: last,
                                                        example: Math.round((first + last) / 2)});
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      error.textContent = "";
      input.removeAttribute("aria-invalid");
      form.setAttribute("data-answered", "1");
      input.readOnly = true;
      form.querySelector("button").disabled = true;
      answered(question, guess);
    });
    return form;
  }

  function firstChoices(question) {
    var group = el("div", {className: "quiz-choices", role: "group", "aria-labelledby": "quiz-question"});
    question.shown.forEach(function (id) {
      group.appendChild(el("button", {
        type: "button", className: "quiz-choice", "data-event": id, text: event(id).title,
        on: {click: function () {
          group.querySelectorAll("button").forEach(function (b) {
            b.disabled = true;
            /* after the answer, each button says in words what it was */
            var mine = b === this, first = b.getAttribute("data-event") === question.answer[0];
            if (mine) { b.classList.add("is-chosen"); }
            var marks = (first ? [text("quiz_first_mark")] : []).concat(mine ? [text("quiz_your_answer")] : []);
            if (marks.length) { b.appendChild(el("span", {className: "quiz-mark", text: marks.join(" · ")})); }
          }, this);
          answered(question, id);
        }}
      }));
    });
    return group;
  }

  /* ---- after an answer ---- */

  function answered(question, answer) {
    var result = Q.score(question, answer, round.close);
    answers.push({verdict: result.verdict, points: result.points, answer: answer});
    saveProgress();
    updateStatus();
    card().appendChild(feedback(question, answer, result));
    document.getElementById("quiz-verdict").focus();
  }

  function feedback(question, answer, result) {
    var parts = [el("h3", {
      id: "quiz-verdict", tabindex: "-1", className: "quiz-verdict is-" + result.verdict,
      "data-verdict": result.verdict, text: text("quiz_verdict_" + result.verdict)
    })];
    if (question.kind === "year") {
      var shown = event(question.shown[0]);
      var years = question.years;
      parts.push(el("p", {text: text("quiz_your_year", {guess: answer, when: shown.when})}));
      if (years[0] !== years[1]) {
        parts.push(el("p", {text: text("quiz_counts", {first: years[0], last: years[1]})}));
      }
      if (result.off_by) {
        parts.push(el("p", {text: result.off_by === 1 ? text("quiz_off_by_one") : text("quiz_off_by", {off: result.off_by})}));
      }
    } else if (question.kind === "first") {
      parts.push(el("p", {className: "quiz-answer", text: text("quiz_came_first", {title: event(question.answer[0]).title})}));
    } else {
      parts.push(el("p", {text: text("quiz_the_order")}));
      parts.push(el("ol", {className: "quiz-answer-list"}, question.answer.map(function (id) {
        return el("li", {}, [el("span", {className: "quiz-when", text: event(id).when}), " ",
                             el("span", {text: event(id).title})]);
      })));
    }
    var ids = question.kind === "order" ? question.answer : question.shown;
    parts.push(el("div", {className: "quiz-explain"}, ids.map(explain)));
    var last = answers.length >= round.questions.length;
    parts.push(el("button", {
      type: "button", id: "quiz-next", className: "quiz-button",
      text: text(last ? "quiz_finish" : "quiz_next"), on: {click: function () { ask(true); }}
    }));
    return el("section", {className: "quiz-feedback", "aria-labelledby": "quiz-verdict"}, parts);
  }

  function reference(ref) {
    var links = (ref.links || []).map(function (pair) {
      var url = safeUrl(pair[1]);
      return url ? el("a", {href: url, target: "_blank", rel: "noopener noreferrer", className: "ref-link"}, [
        pair[0], el("span", {className: "visually-hidden", text: " " + text("opens_new_tab")})
      ]) : null;
    }).filter(Boolean);
    return el("li", {}, [
      el("span", {className: "ref-text", text: ref.text}),
      links.length ? el("span", {className: "ref-links"}, [" "].concat(links)) : null,
      ref.note ? el("span", {className: "ref-note", text: ref.note}) : null
    ]);
  }

  function explain(id) {
    var info = event(id);
    var more = [];
    if (info.note) {
      more.push(el("h5", {text: text("source_note")}), el("p", {className: "source-note", text: info.note}));
    }
    more.push(el("h5", {text: text("references")}));
    more.push(info.references.length
      ? el("ol", {className: "references"}, info.references.map(reference))
      : el("p", {className: "no-source", text: text("no_source")}));
    var href = safeUrl(info.href);
    return el("article", {className: "quiz-event", "data-event": id}, [
      el("h4", {text: info.title}),
      el("p", {className: "quiz-when", text: info.when}),
      info.summary ? el("p", {className: "summary", text: info.summary}) : null,
      el("details", {}, [el("summary", {text: text("quiz_read_more")})].concat(more)),
      href ? el("a", {href: href, target: "_blank", className: "quiz-timeline-link"}, [
        text("quiz_on_timeline"),
        el("span", {className: "visually-hidden", text: ": " + info.title + " " + text("opens_new_tab")})
      ]) : null
    ]);
  }

  /* ---- the end of the round ---- */

  function finish(focus) {
    var points = total();
    var count = round.questions.length;
    var saved = loadProgress();
    var best = saved.best === null || saved.best === undefined ? points : Math.max(saved.best, points);
    saveProgress(best);
    var box = card();
    box.textContent = "";
    var heading = el("h2", {id: "quiz-question", tabindex: "-1", className: "quiz-question", text: text("quiz_done")});
    box.appendChild(heading);
    box.appendChild(el("p", {id: "quiz-final", className: "quiz-final",
                             text: text("quiz_final", {score: formatScore(points, count)})}));
    box.appendChild(el("p", {id: "quiz-best", text: text("quiz_best", {score: formatScore(best, count)})}));
    var again = [];
    answers.forEach(function (a, i) {
      if (a.verdict === "right") { return; }
      var q = round.questions[i];
      (q.kind === "order" ? q.answer : q.shown).forEach(function (id) {
        if (again.indexOf(id) < 0) { again.push(id); }
      });
    });
    again.sort(function (a, b) { return event(a).rank - event(b).rank; });  /* in date order */
    box.appendChild(el("h3", {text: text("quiz_read_again")}));
    box.appendChild(again.length ? el("ul", {id: "quiz-read-again", className: "quiz-read-again"}, again.map(function (id) {
      var info = event(id);
      var href = safeUrl(info.href);
      return el("li", {}, [
        el("span", {className: "quiz-when", text: info.when}), " ",
        href ? el("a", {href: href, text: info.title}) : info.title
      ]);
    })) : el("p", {text: text("quiz_all_right")}));
    var address = window.location.origin + round.address;
    box.appendChild(el("div", {className: "quiz-end-actions"}, [
      el("button", {type: "button", id: "quiz-again", className: "quiz-button", text: text("quiz_restart"),
                    on: {click: restart}}),
      el("a", {id: "quiz-new", className: "quiz-new", href: safeUrl(round.new_round), text: text("quiz_new")})
    ]));
    box.appendChild(el("p", {className: "quiz-share"}, [
      text("quiz_share"), " ", el("a", {id: "quiz-share-link", href: safeUrl(round.address), text: address})
    ]));
    if (focus) { heading.focus(); }
  }

  /* ---- Dash's side: the round arrives (quiz/page.py) ---- */

  function start(data) {
    if (!data || !stage()) { return window.dash_clientside.no_update; }
    round = data;
    /* The address names the round (with the seed picked for it), so a reload or a shared
     * link gives the same questions; replaced, so Back does not go through it twice. */
    if (window.location.pathname + window.location.search !== round.address) {
      window.history.replaceState(window.history.state, "", round.address);
    }
    answers = loadProgress().answers.slice(0, round.questions.length);
    frame();
    if (round.questions.length) { ask(false); }
    document.documentElement.setAttribute("data-quiz", round.key);
    return round.key;
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.quiz = {
    start: start,
    document: function (doc) {
      if (!doc) { return window.dash_clientside.no_update; }
      document.title = doc.title;
      document.documentElement.lang = doc.lang;
      return doc.lang;
    },
    /* for tests/browser/test_quiz.py: the browser's scoring against core/quiz/scoring.py */
    score: function (question, answer, close) { return Q.score(question, answer, close); }
  };

  /* The main page's "Test yourself" link carries the page's filters, whatever they are now. */
  function quizLink(e) {
    var link = e.target.closest && e.target.closest("#quiz-link");
    if (link) { link.setAttribute("href", "/quiz/" + window.location.search); }
  }
  ["click", "focusin", "mouseover", "auxclick", "contextmenu"].forEach(function (name) {
    document.addEventListener(name, quizLink, true);
  });
})();
