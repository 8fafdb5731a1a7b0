/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function setUpMenu() {
    var toggle = document.querySelector(".main-nav__toggle");
    var list = document.getElementById("main-nav-list");
    if (!toggle || !list) return;
    var header = document.querySelector(".site-header");
    function setOpen(open) {
      toggle.setAttribute("aria-expanded", String(open));
      list.classList.toggle("is-open", open);
      // On phones the header's search box folds with the menu (see site.css).
      if (header) header.classList.toggle("site-header--open", open);
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

  function focusErrorSummary() {
    // After a failed submit, the list of fields to correct takes the focus: screen readers
    // read it, and each item links to its field.
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
  }

  function start() {
    setUpMenu();
    revealEmails();
    focusErrorSummary();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
