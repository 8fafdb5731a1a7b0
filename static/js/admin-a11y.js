// Admin forms: every field gets an accessible name, and the cells of tabular inlines the name of
// their column (shown above them on a phone). Django's admin leaves some without one: the
// cells of tabular inlines (their name is the column's heading), the two inputs of a date and
// time, the rich-text editor's editable area and the autocomplete boxes (their name is the
// field's label), and the search icons of two-list selectors (an image with a text). Names are
// given once the widgets exist and again when a row is added. Loaded as a file, no inline code.
(function () {
  "use strict";

  function clean(text) {
    return (text || "").replace(/\s+/g, " ").replace(/\s*:\s*$/, "").trim();
  }

  function labelOf(id) {
    if (!id) return "";
    var label = document.querySelector('label[for="' + CSS.escape(id) + '"]');
    return label ? clean(label.textContent) : "";
  }

  function rowLabel(element) {
    var row = element.closest(".form-row, .fieldBox");
    var label = row && row.querySelector("label");
    return label ? clean(label.textContent) : "";
  }

  function columnHeading(element) {
    var cell = element.closest("td");
    var table = cell && cell.closest("table");
    if (!table) return "";
    var column = Array.prototype.find.call(cell.classList, function (name) {
      return name.indexOf("field-") === 0;
    });
    var heading = column && table.querySelector("thead th.column-" + column.slice(6));
    // A column with no field class (the "Delete?" one): the heading at the same place.
    if (!heading) heading = table.querySelectorAll("thead th")[cell.cellIndex];
    return heading ? clean(heading.textContent) : "";
  }

  function named(element) {
    if (element.getAttribute("aria-label")) return true;
    if (element.id && labelOf(element.id)) return true;
    return Boolean(element.closest("label"));
  }

  function nameFields(root) {
    root.querySelectorAll("input, select, textarea").forEach(function (field) {
      if (field.type === "hidden" || named(field)) return;
      var name = columnHeading(field);
      var prefix = field.previousSibling;
      if (!name && field.closest(".datetime")) {
        // "Date : [ ]  Heure : [ ]": the row's label with the words before the input.
        var part = prefix && prefix.nodeType === 3 ? clean(prefix.textContent) : "";
        name = [rowLabel(field), part].filter(Boolean).join(", ");
      }
      if (!name) name = rowLabel(field);
      if (name) field.setAttribute("aria-label", name);
    });
    // The rich-text editor: its editable area is named after the hidden field it fills.
    root.querySelectorAll(".prose-editor [contenteditable=true]").forEach(function (area) {
      if (area.getAttribute("aria-label")) return;
      var source = area.closest(".prose-editor").querySelector("textarea");
      var name = source ? labelOf(source.id) || rowLabel(source) : "";
      if (name) area.setAttribute("aria-label", name);
    });
    // Autocomplete boxes: named by the select's label, then the value they show.
    root.querySelectorAll(".select2-selection[role=combobox]").forEach(function (box) {
      var container = box.closest(".select2-container");
      var select = container && container.previousElementSibling;
      var rendered = box.querySelector(".select2-selection__rendered");
      if (!select || select.tagName !== "SELECT" || !rendered || !rendered.id) return;
      var label = select.id && document.querySelector('label[for="' + CSS.escape(select.id) + '"]');
      // The box shows the chosen value as plain text (its "textbox" role has no name).
      rendered.removeAttribute("role");
      rendered.removeAttribute("aria-readonly");
      if (label) {
        if (!label.id) label.id = select.id + "-label";
        box.setAttribute("aria-labelledby", label.id + " " + rendered.id);
      } else {
        var name = columnHeading(select) || rowLabel(select);
        if (name) box.setAttribute("aria-label", name);
      }
    });
    // On a phone the rows of a tabular inline stack (static/css/admin.css): each cell shows its
    // column's heading above it, from this attribute.
    root.querySelectorAll(".tabular tbody td").forEach(function (cell) {
      if (cell.hasAttribute("data-label") || cell.classList.contains("original")) return;
      var field = cell.querySelector("input:not([type=hidden]), select, textarea, p, a, img");
      var heading = field ? columnHeading(field) : "";
      if (heading) cell.setAttribute("data-label", heading);
    });
    // The search icon of a two-list selector carries a text: it is an image.
    root.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  function start() {
    var main = document.getElementById("content-main");
    if (!main) return;
    nameFields(main);
    // Widgets built after this script (autocompletes, editors, selectors, added rows).
    var pending = false;
    new MutationObserver(function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        nameFields(main);
      });
    }).observe(main, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
