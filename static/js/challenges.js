// The core-challenge picker of the basics step and the new-sheet page: a searchable
// multi-select (Tom Select) that takes at most as many challenges as the field allows.
(function () {
  "use strict";
  document.querySelectorAll("select.challenge-select").forEach((select) => {
    if (select.tomselect) return;
    new TomSelect(select, {
      plugins: ["remove_button"],
      maxItems: Number(select.dataset.maxItems || 3),
      placeholder: select.dataset.placeholder,
      hidePlaceholder: true,
      maxOptions: null,
      onChange: () => select.dispatchEvent(new Event("change", { bubbles: true })),
    });
  });
})();
