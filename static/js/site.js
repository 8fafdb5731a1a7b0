/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function setUpMenu() {
    var toggle = document.querySelector(".main-nav__toggle");
    var list = document.getElementById("main-nav-list");
    if (!toggle || !list) return;
    var header = document.querySelector(".site-header");
    var search = document.querySelector(".site-header__search");
    var searchHome = search && search.parentNode;
    var searchNext = search && search.nextSibling;
    function setOpen(open) {
      toggle.setAttribute("aria-expanded", String(open));
      list.classList.toggle("is-open", open);
      // On phones the header's search box folds with the menu (see site.css); open, it sits
      // under the Menu button, so the button just tapped does not move.
      if (header) header.classList.toggle("site-header--open", open);
      if (search) {
        if (open) list.parentNode.insertBefore(search, list);
        else searchHome.insertBefore(search, searchNext);
      }
    }
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  // The desktop bar shows the entries that fit on one row; the others go under "More" (a
  // disclosure button), the entries of lowest priority first (data-priority; of equal ones, the
  // last). It is measured again when the window or the fonts change. On phones the folded menu
  // lists every entry and "More" is not used. Without this script, "More" is a <details>.
  function setUpMoreMenu() {
    var list = document.getElementById("main-nav-list");
    var more = list && list.querySelector(".main-nav__more");
    var details = more && more.querySelector("details");
    if (!details) return;
    var summary = details.querySelector("summary");
    var sublist = details.querySelector(".main-nav__sublist");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "main-nav__more-button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", sublist.id);
    while (summary.firstChild) button.appendChild(summary.firstChild);
    sublist.hidden = true;
    more.replaceChildren(button, sublist);
    var items = Array.prototype.slice.call(list.querySelectorAll(".main-nav__item"));
    items.sort(function (a, b) { return a.dataset.position - b.dataset.position; });
    var phone = window.matchMedia("(max-width: 40rem)");

    function isOpen() { return button.getAttribute("aria-expanded") === "true"; }
    function setOpen(open) {
      button.setAttribute("aria-expanded", String(open));
      sublist.hidden = !open;
    }
    function oneRow() {
      var tops = Array.prototype.filter.call(list.children, function (child) {
        return !child.hidden;
      }).map(function (child) { return Math.round(child.getBoundingClientRect().top); });
      return tops.every(function (top) { return top === tops[0]; });
    }
    function layout() {
      items.forEach(function (item) { list.insertBefore(item, more); });
      more.hidden = true;
      more.classList.remove("main-nav__more--current");
      if (phone.matches || oneRow()) {
        setOpen(false);
        return;
      }
      more.hidden = false;
      var bar = items.slice();
      var moved = [];
      while (bar.length > 1 && !oneRow()) {
        var index = 0;
        bar.forEach(function (item, i) {
          if (Number(item.dataset.priority) <= Number(bar[index].dataset.priority)) index = i;
        });
        moved.push(bar.splice(index, 1)[0]);
        moved.sort(function (a, b) { return a.dataset.position - b.dataset.position; });
        moved.forEach(function (item) { sublist.appendChild(item); });
      }
      // The page's own entry is under "More": the button says so (see site.css).
      if (sublist.querySelector("[aria-current]")) more.classList.add("main-nav__more--current");
    }

    button.addEventListener("click", function () { setOpen(!isOpen()); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen()) {
        setOpen(false);
        button.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (isOpen() && !more.contains(event.target)) setOpen(false);
    });
    more.addEventListener("focusout", function (event) {
      if (isOpen() && event.relatedTarget && !more.contains(event.relatedTarget)) setOpen(false);
    });
    var pending = false;
    function schedule() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        layout();
      });
    }
    window.addEventListener("resize", schedule);
    if (document.fonts) {
      document.fonts.addEventListener("loadingdone", schedule);
      document.fonts.ready.then(schedule);
    }
    layout();
  }

  function revealEmails() {
    // Protected addresses are written "name [at] domain"; rebuild a mailto: link from data-e
    // (the address reversed, base64-encoded).
    var nodes = document.querySelectorAll(".protected-email[data-e]");
    Array.prototype.forEach.call(nodes, function (node) {
      try {
        var binary = window.atob(node.getAttribute("data-e"));
        var bytes = Uint8Array.from(binary, function (c) { return c.charCodeAt(0); });
        var address = Array.from(new TextDecoder().decode(bytes)).reverse().join("");
        var link = document.createElement("a");
        link.href = "mailto:" + address;
        link.textContent = address;
        node.replaceWith(link);
      } catch (error) { /* keep the readable text */ }
    });
  }

  function unfoldOnWideScreens() {
    // Choices folded under a <details> on phones (the trials finder) are open and their line
    // hidden on wider screens; going back to a phone width folds them again.
    var wide = window.matchMedia("(min-width: 48rem)");
    var folds = document.querySelectorAll("details[data-open-wide]");
    function apply() {
      Array.prototype.forEach.call(folds, function (fold) {
        if (wide.matches) {
          fold.setAttribute("data-wide", "");
          fold.open = true;
        } else if (fold.hasAttribute("data-wide")) {
          fold.removeAttribute("data-wide");
          fold.open = false;
        }
      });
    }
    if (folds.length) {
      apply();
      wide.addEventListener("change", apply);
    }
  }

  function countCharacters() {
    // A text box with a length limit (the contact form's message) says how much room is left,
    // in its help text, so a long paste is never cut without the writer knowing.
    // The pattern ("{left} of {max} characters left.") comes translated in data-count.
    var boxes = document.querySelectorAll("textarea[data-count][maxlength]");
    Array.prototype.forEach.call(boxes, function (box) {
      var help = document.getElementById(box.id + "_helptext");
      if (!help) return;
      var limit = parseInt(box.getAttribute("maxlength"), 10);
      var template = box.getAttribute("data-count");
      var format = new Intl.NumberFormat(document.documentElement.lang || "fr");
      function update() {
        help.textContent = template.replace("{left}", format.format(limit - box.value.length))
          .replace("{max}", format.format(limit));
      }
      box.addEventListener("input", update);
      update();
    });
  }

  function focusErrorSummary() {
    // After a failed submit, the list of fields to correct takes the focus: screen readers
    // read it, and each item links to its field.
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
  }

  function start() {
    setUpMenu();
    setUpMoreMenu();
    revealEmails();
    unfoldOnWideScreens();
    countCharacters();
    focusErrorSummary();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
