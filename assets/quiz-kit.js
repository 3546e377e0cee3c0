/* The self-test's pieces that know nothing of the page's flow (assets/quiz.js uses them):
 * how an answer is scored, exactly as core/quiz/scoring.py does (tests/browser/test_quiz.py
 * checks the two agree on hundreds of answers), and building elements from text, never
 * from HTML. */
(function () {
  "use strict";

  var Q = window.timelineQuiz = window.timelineQuiz || {};
  var POINTS = {right: 1, close: 0.5, wrong: 0};

  function scoreYear(question, guess, close) {
    var first = question.years[0], last = question.years[1];
    var off = Math.max(first - guess, guess - last, 0);
    if (off === 0) { return {verdict: "right", off_by: 0}; }
    return {verdict: off <= close ? "close" : "wrong", off_by: off};
  }

  function swaps(given, answer) {
    var ranks = given.map(function (id) { return answer.indexOf(id); });
    var count = 0;
    for (var i = 0; i < ranks.length; i++) {
      for (var j = i + 1; j < ranks.length; j++) { if (ranks[i] > ranks[j]) { count++; } }
    }
    return count;
  }

  function scoreOrder(question, given) {
    var same = given.slice().sort().join("\n") === question.answer.slice().sort().join("\n");
    if (!same) { return {verdict: "wrong", off_by: 0}; }
    var n = swaps(given, question.answer);
    return {verdict: n === 0 ? "right" : n === 1 ? "close" : "wrong", off_by: 0};
  }

  function score(question, answer, close) {
    var result;
    if (question.kind === "year") {
      result = scoreYear(question, Number(answer), close);
    } else if (question.kind === "order") {
      result = scoreOrder(question, answer);
    } else {
      result = {verdict: answer === question.answer[0] ? "right" : "wrong", off_by: 0};
    }
    result.points = POINTS[result.verdict];
    return result;
  }

  function formatPoints(points, mark) {
    return String(points).replace(".", mark);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === "text") { node.textContent = value; }
      else if (name === "className") { node.className = value; }
      else if (name === "on") {
        Object.keys(value).forEach(function (type) { node.addEventListener(type, value[type]); });
      } else { node.setAttribute(name, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === "") { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* Only links the server built: the timeline's own pages, and references' http(s) links. */
  function safeUrl(url) {
    return /^https?:\/\//i.test(url) || /^\/(?!\/)/.test(url) ? url : null;
  }

  Q.score = score;
  Q.formatPoints = formatPoints;
  Q.el = el;
  Q.safeUrl = safeUrl;
})();
