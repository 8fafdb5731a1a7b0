// Fields with a length that reads best (apps.core.admin_tools.LengthHintsMixin): a live count
// under the field, "87 characters (best: 50 to 160)", marked when outside the range. The text
// comes translated from the server (data-length-text); the field describes itself with it.
(function () {
  "use strict";

  function attach(field) {
    var low = parseInt(field.getAttribute("data-length-min"), 10) || 0;
    var high = parseInt(field.getAttribute("data-length-max"), 10);
    var text = field.getAttribute("data-length-text") || "{count}";
    var hint = document.createElement("p");
    hint.className = "length-hint";
    hint.id = field.id + "-length";
    field.insertAdjacentElement("afterend", hint);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + hint.id);

    function update() {
      var count = field.value.trim().length;
      hint.textContent = text.replace("{count}", String(count));
      hint.classList.toggle("length-hint--outside", count > 0 && (count < low || count > high));
    }
    field.addEventListener("input", update);
    update();
  }

  function start() {
    document.querySelectorAll("[data-length-max][id]").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
