// Admin change forms: a warning before leaving a form whose fields were changed and not saved
// (closing the tab, following a link, going back). Saving the form, or pressing one of its
// buttons, never warns. No inline code: loaded as a file by templates/admin/change_form.html.
(function () {
  "use strict";

  function watch(form) {
    var dirty = false;
    function mark(event) {
      // Search boxes and filters of selection widgets are not content.
      if (event.target && event.target.closest && event.target.closest(".selector-filter")) return;
      dirty = true;
    }
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("submit", function (event) {
      // A preview opens in another tab and saves nothing: the form stays unsaved.
      var button = event.submitter;
      if (button && button.getAttribute("formtarget") === "_blank") return;
      dirty = false;
    });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = "";  // older browsers need a value to show their own message
    });
  }

  function start() {
    var form = document.querySelector("#content-main form[method='post'][id$='_form']");
    if (form) watch(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
