/* The self-test's order question (assets/quiz.js asks it): put events in order with the
 * Move up / Move down buttons, or with the keyboard alone (Space or Enter on a name picks
 * the event up, the arrow keys move it, Space or Enter puts it down, Escape puts it back),
 * or by dragging with a mouse or a finger (pointer events, so touch screens work too).
 * Every move is said in the live region, for screen readers. */
(function () {
  "use strict";

  var Q = window.timelineQuiz = window.timelineQuiz || {};
  var ctx = null;      /* the page's side: texts, titles, the live region, the answer */
  var held = null;     /* the item picked up with the keyboard: {item, from} */
  var drag = null;     /* the item being dragged with a pointer */
  var moving = false;  /* moving an item in the page: its losing focus is not a drop */

  /* The list, its help and its Check button. `ctx` gives the page's texts (`text`), an
   * event's title (`title`), the live region (`say`) and what to do with the answer
   * (`done`, given the ids in the order chosen). */
  function orderList(question, context) {
    ctx = context;
    held = null;
    drag = null;
    var help = Q.el("p", {id: "quiz-order-help", className: "quiz-hint", text: ctx.text("quiz_order_help")});
    var list = Q.el("ol", {id: "quiz-order", className: "quiz-order", "aria-labelledby": "quiz-question"});
    question.shown.forEach(function (id) { list.appendChild(orderItem(id)); });
    refreshMoves(list);
    var check = Q.el("button", {
      type: "button", id: "quiz-check", className: "quiz-button", text: ctx.text("quiz_check"),
      on: {click: function () {
        if (check.disabled) { return; }
        drop(false);
        check.disabled = true;
        list.classList.add("is-answered");
        list.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
        ctx.done(currentOrder(list));
      }}
    });
    return [help, list, check];
  }

  function orderItem(id) {
    var title = ctx.title(id);
    var grab = Q.el("button", {
      type: "button", className: "quiz-grab", "aria-pressed": "false", "aria-describedby": "quiz-order-help"
    }, [Q.el("span", {className: "quiz-handle", "aria-hidden": "true", text: "⠿"}), Q.el("span", {text: title})]);
    grab.addEventListener("click", function () {
      if (drag && drag.moved) { return; }  /* the end of a drag, not a press */
      if (held && held.item === item) { drop(true); } else { pickUp(item); }
    });
    grab.addEventListener("keydown", function (e) {
      if (!held || held.item !== item) { return; }
      if (e.key === "ArrowUp" || e.key === "ArrowDown") {
        e.preventDefault();
        move(item, e.key === "ArrowUp" ? -1 : 1, grab);
        ctx.say(ctx.text("quiz_moved", place(item)));
      } else if (e.key === "Escape") {
        e.preventDefault();
        cancel();
      }
    });
    grab.addEventListener("focusout", function () {
      if (!moving && held && held.item === item) { drop(false); }
    });
    grab.addEventListener("pointerdown", startDrag);
    var up = moveButton(-1, "quiz_move_up", "quiz_move_up_item", "↑", title);
    var down = moveButton(1, "quiz_move_down", "quiz_move_down_item", "↓", title);
    var item = Q.el("li", {className: "quiz-item", "data-event": id}, [
      grab, Q.el("span", {className: "quiz-moves"}, [up, down])
    ]);
    return item;
  }

  function moveButton(step, word, name, arrow, title) {
    var button = Q.el("button", {type: "button", className: "quiz-move", "data-move": String(step)}, [
      Q.el("span", {"aria-hidden": "true", text: arrow + " "}),
      Q.el("span", {"aria-hidden": "true", text: ctx.text(word)}),
      Q.el("span", {className: "visually-hidden", text: ctx.text(name, {title: title})})
    ]);
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-disabled") === "true") { return; }
      var item = button.closest(".quiz-item");
      drop(false);
      move(item, step, button);
      ctx.say(ctx.text("quiz_moved", place(item)));
    });
    return button;
  }

  function currentOrder(list) {
    return Array.prototype.map.call(list.querySelectorAll(".quiz-item"), function (li) {
      return li.getAttribute("data-event");
    });
  }

  function place(item) {
    var items = Array.prototype.slice.call(item.parentNode.children);
    return {title: ctx.title(item.getAttribute("data-event")),
            pos: items.indexOf(item) + 1, count: items.length};
  }

  /* Items at either end keep their buttons focusable (aria-disabled), so pressing Move up
   * until an item is first does not throw the focus away. */
  function refreshMoves(list) {
    var items = list.querySelectorAll(".quiz-item");
    items.forEach(function (item, i) {
      item.querySelector('[data-move="-1"]').setAttribute("aria-disabled", i === 0 ? "true" : "false");
      item.querySelector('[data-move="1"]').setAttribute("aria-disabled", i === items.length - 1 ? "true" : "false");
    });
  }

  function moveTo(item, index, keepFocus) {
    var list = item.parentNode;
    var items = Array.prototype.slice.call(list.children).filter(function (li) { return li !== item; });
    index = Math.max(0, Math.min(index, items.length));
    moving = true;
    list.insertBefore(item, items[index] || null);
    if (keepFocus) { keepFocus.focus(); }
    moving = false;
    refreshMoves(list);
  }

  function move(item, step, keepFocus) {
    var items = Array.prototype.slice.call(item.parentNode.children);
    moveTo(item, items.indexOf(item) + step, keepFocus);
  }

  function pickUp(item) {
    drop(false);
    var items = Array.prototype.slice.call(item.parentNode.children);
    held = {item: item, from: items.indexOf(item)};
    item.classList.add("is-held");
    item.querySelector(".quiz-grab").setAttribute("aria-pressed", "true");
    ctx.say(ctx.text("quiz_picked", place(item)));
  }

  function drop(announce) {
    if (!held) { return; }
    var item = held.item;
    held = null;
    item.classList.remove("is-held");
    item.querySelector(".quiz-grab").setAttribute("aria-pressed", "false");
    if (announce) { ctx.say(ctx.text("quiz_dropped", place(item))); }
  }

  function cancel() {
    if (!held) { return; }
    var item = held.item;
    moveTo(item, held.from, item.querySelector(".quiz-grab"));
    drop(false);
    ctx.say(ctx.text("quiz_cancelled", place(item)));
  }

  /* A mouse drags from anywhere on the name; a finger from the handle only, so that a
   * swipe over a name still scrolls the page. */
  function startDrag(e) {
    if (e.button !== 0 || this.disabled) { return; }
    if (e.pointerType !== "mouse" && !e.target.closest(".quiz-handle")) { return; }
    var item = this.closest(".quiz-item");
    drag = {item: item, grab: this, id: e.pointerId, y: e.clientY, moved: false};
    /* on the document, not the name: moving the item in the page would end a capture */
    document.addEventListener("pointermove", dragMove);
    document.addEventListener("pointerup", endDrag);
    document.addEventListener("pointercancel", endDrag);
  }

  function dragMove(e) {
    if (!drag || e.pointerId !== drag.id) { return; }
    if (!drag.moved && Math.abs(e.clientY - drag.y) < 6) { return; }
    e.preventDefault();
    if (!drag.moved) { drop(false); drag.moved = true; drag.item.classList.add("is-dragging"); }
    var list = drag.item.parentNode;
    var others = Array.prototype.filter.call(list.children, function (li) { return li !== drag.item; });
    var index = others.filter(function (li) {
      var box = li.getBoundingClientRect();
      return e.clientY > box.top + box.height / 2;
    }).length;
    var before = Array.prototype.indexOf.call(list.children, drag.item);
    if (index !== before) { moveTo(drag.item, index, drag.grab); }
  }

  function endDrag(e) {
    if (!drag || e.pointerId !== drag.id) { return; }
    var finished = drag;
    document.removeEventListener("pointermove", dragMove);
    document.removeEventListener("pointerup", endDrag);
    document.removeEventListener("pointercancel", endDrag);
    finished.item.classList.remove("is-dragging");
    if (finished.moved) {
      ctx.say(ctx.text("quiz_dropped", place(finished.item)));
      /* the click that follows this pointerup is the end of the drag, not a press */
      window.setTimeout(function () { if (drag === finished) { drag = null; } }, 0);
    } else {
      drag = null;
    }
  }

  Q.orderList = orderList;
})();
