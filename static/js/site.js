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
})();
