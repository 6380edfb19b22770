// Site-wide form behaviour: the error summary takes the focus, so keyboard and screen-reader
// users start from the list of what to fix; forms marked data-unsaved-warning ask before the
// page is left with edits that were not sent.
(function () {
  "use strict";
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  const forms = document.querySelectorAll("form[data-unsaved-warning]");
  if (!forms.length) return;
  let dirty = false;
  forms.forEach((form) => {
    form.addEventListener("input", () => { dirty = true; });
    form.addEventListener("change", () => { dirty = true; });
    // Every button of these forms sends what was typed (Back and the step jumps save it too).
    form.addEventListener("submit", () => { dirty = false; });
  });
  window.addEventListener("beforeunload", (event) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = "";
  });
})();
