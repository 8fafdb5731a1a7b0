// The rich-text editor's link picker: under each editor, a button opens a dialog that searches
// the site's pages, teams, people, news and events (/admin/link-targets/) and links the
// selected words to the one chosen (or inserts its name, linked). The link is written as
// /go/<kind>/<id>/ (apps.core.links), so it follows the item when its address changes.
// Loaded before the editors (not deferred) to hear each one's "prose-editor:ready".
(function () {
  "use strict";

  var t = function (text) {
    return typeof window.gettext === "function" ? window.gettext(text) : text;
  };
  var KINDS = { page: "Page", team: "Team", person: "Person", article: "News", event: "Event" };
  var counter = 0;

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function link(editor, target) {
    var chain = editor.chain().focus();
    if (editor.state.selection.empty) {
      chain.insertContent({
        type: "text",
        text: target.label,
        marks: [{ type: "link", attrs: { href: target.href } }],
      }).run();
    } else {
      chain.extendMarkRange("link").setLink({ href: target.href }).run();
    }
  }

  function picker(editor, after) {
    counter += 1;
    var id = "link-picker-" + counter;
    var open = element("button", { type: "button", class: "link-picker__open" }, t("Link to a page of this site"));
    var dialog = element("dialog", { class: "link-picker", "aria-labelledby": id + "-title" });
    var title = element("h2", { id: id + "-title" }, t("Link to a page of this site"));
    var label = element("label", { for: id + "-q" }, t("Find a page, team, person, news item or event"));
    var input = element("input", { type: "search", id: id + "-q", autocomplete: "off" });
    var results = element("ul", { class: "link-picker__results" });
    var none = element("p", { class: "link-picker__none", hidden: "" }, t("Nothing found."));
    var close = element("button", { type: "button", class: "link-picker__close" }, t("Cancel"));
    [title, label, input, results, none, close].forEach(function (node) { dialog.appendChild(node); });
    after.insertAdjacentElement("afterend", dialog);
    after.insertAdjacentElement("afterend", open);

    var pending = null;
    function show(found) {
      results.textContent = "";
      none.hidden = found.length > 0 || input.value.trim().length < 2;
      found.forEach(function (target) {
        var item = element("li");
        var choose = element("button", { type: "button", class: "link-picker__choice" });
        choose.textContent = target.label + " (" + t(KINDS[target.kind] || target.kind) + ")";
        choose.addEventListener("click", function () {
          dialog.close();
          link(editor, target);
        });
        item.appendChild(choose);
        results.appendChild(item);
      });
    }
    input.addEventListener("input", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(function () {
        var term = input.value.trim();
        if (term.length < 2) return show([]);
        fetch("/admin/link-targets/?q=" + encodeURIComponent(term), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) { if (input.value.trim() === term) show(data.results || []); });
      }, 200);
    });
    open.addEventListener("click", function () {
      dialog.showModal();
      input.focus();
    });
    close.addEventListener("click", function () { dialog.close(); });
  }

  document.addEventListener("prose-editor:ready", function (event) {
    var detail = event.detail || {};
    if (!detail.editor || !detail.textarea) return;
    var wrapper = detail.textarea.closest(".prose-editor") || detail.textarea;
    if (wrapper.getAttribute("data-link-picker")) return;
    wrapper.setAttribute("data-link-picker", "1");
    picker(detail.editor, wrapper);
  });
})();
