// The page tree in the admin's list of pages (apps.pages.admin.PageAdmin): a button before each
// page that has sub-pages folds or unfolds its branch. Only while the list shows the whole tree
// in its order (no search, filter or other sorting): then each page's rows follow it.
(function () {
  "use strict";

  function rows() {
    return Array.prototype.map.call(document.querySelectorAll("#result_list .page-tree"), function (node) {
      return { node: node, row: node.closest("tr"), depth: parseInt(node.getAttribute("data-depth"), 10) || 0 };
    });
  }

  function wholeTree() {
    var query = new URLSearchParams(window.location.search);
    var shown = Array.from(query.keys()).filter(function (key) { return key !== "p"; });
    return shown.length === 0;
  }

  function branch(list, index) {
    var found = [];
    for (var i = index + 1; i < list.length && list[i].depth > list[index].depth; i++) found.push(i);
    return found;
  }

  function toggle(list, index, button) {
    var open = button.getAttribute("aria-expanded") === "true";
    branch(list, index).forEach(function (i) {
      list[i].row.hidden = open;
      var inner = list[i].node.querySelector(".page-tree__toggle");
      if (inner) inner.setAttribute("aria-expanded", String(!open));
    });
    button.setAttribute("aria-expanded", String(!open));
  }

  function start() {
    var table = document.getElementById("result_list");
    if (!table) return;
    if (!wholeTree()) {
      table.classList.add("page-tree--flat");
      return;
    }
    table.classList.add("page-tree--tree");
    var list = rows();
    list.forEach(function (item, index) {
      if (!item.node.getAttribute("data-children")) return;
      var title = item.node.querySelector(".page-tree__title");
      if (!title) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "page-tree__toggle";
      button.setAttribute("aria-expanded", "true");
      button.setAttribute("aria-label", (item.node.getAttribute("data-toggle-label") || "") + " " + title.textContent);
      button.textContent = "▾";
      button.addEventListener("click", function () { toggle(list, index, button); });
      item.node.insertBefore(button, title);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
