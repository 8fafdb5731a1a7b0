/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function setUpMenu() {
    var toggle = document.querySelector(".main-nav__toggle");
    var list = document.getElementById("main-nav-list");
    if (!toggle || !list) return;
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      list.classList.toggle("is-open", !open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        toggle.setAttribute("aria-expanded", "false");
        list.classList.remove("is-open");
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

  function start() {
    setUpMenu();
    revealEmails();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
