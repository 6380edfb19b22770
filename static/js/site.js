// Behaviour every page shares; kept in a file because the Content-Security-Policy allows no
// inline script or style.
(function () {
  "use strict";
  // <select data-autosubmit>: choosing an option submits its form (the language switch).
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  // <div data-progress="40">: a bar filled to that percentage.
  document.querySelectorAll("[data-progress]").forEach((bar) => {
    const value = Number.parseFloat(bar.dataset.progress);
    if (Number.isFinite(value)) bar.style.width = `${Math.min(Math.max(value, 0), 100)}%`;
  });

  // The error summary takes the focus, so keyboard and screen-reader users start from the
  // list of what to fix; forms marked data-unsaved-warning ask before the page is left with
  // edits that were not sent.
  // <input data-shown-if-preset-is-not="3">: its field is shown only while the form's preset
  // differs from the saved one (the "replace edited items" confirmation).
  document.querySelectorAll("[data-shown-if-preset-is-not]").forEach((input) => {
    const preset = input.form && input.form.querySelector("select[name$='-preset']");
    const wrapper = input.closest(".mb-3, .form-check") || input;
    if (!preset) return;
    const update = () => { wrapper.hidden = preset.value === input.dataset.shownIfPresetIsNot; };
    preset.addEventListener("change", update);
    update();
  });

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
