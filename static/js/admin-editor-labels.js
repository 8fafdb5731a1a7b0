// The rich-text editor's toolbar (django-prose-editor) names its buttons and styles in English
// without going through gettext; its dialogs do. This gives the toolbar's titles, labels and
// style names in the admin's language, from the admin's JavaScript catalogue (window.gettext,
// with the project's djangojs catalogue: locale/fr/LC_MESSAGES/djangojs.po), also when the
// editor changes a button's title as the cursor moves. Loaded as a file, no inline code.
(function () {
  "use strict";

  if (typeof window.gettext !== "function") return;

  function translated(text) {
    if (!text) return text;
    var found = window.gettext(text);
    return found && found !== text ? found : text;
  }

  function label(element) {
    ["title", "aria-label"].forEach(function (name) {
      var value = element.getAttribute(name);
      var wanted = translated(value);
      if (value && wanted !== value) element.setAttribute(name, wanted);
    });
  }

  function relabel(root) {
    root.querySelectorAll(".prose-menubar [title], .prose-menubar [aria-label]").forEach(label);
    root.querySelectorAll(".prose-menubar__option > *").forEach(function (option) {
      var wanted = translated(option.textContent);
      if (wanted !== option.textContent) option.textContent = wanted;
    });
  }

  function start() {
    var main = document.getElementById("content-main");
    if (!main) return;
    relabel(main);
    var pending = false;
    new MutationObserver(function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        relabel(main);
      });
    }).observe(main, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["title", "aria-label"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
