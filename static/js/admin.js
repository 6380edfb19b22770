// Admin autocomplete (Select2) draws a search box beside each select without a label: give
// the box the name of its field, for rows added later (inlines) too.
(function () {
  "use strict";
  const nameOf = (select) => {
    if (select.getAttribute("aria-label")) return select.getAttribute("aria-label");
    const label = select.id && document.querySelector(`label[for="${select.id}"]`);
    return label ? label.textContent.replace(/[:：]\s*$/, "").trim() : "";
  };
  const label = () => {
    // The chips sit in a <ul> beside a clear button (<span>): not a list a reader could use.
    document.querySelectorAll("ul.select2-selection__rendered:not([role])").forEach((list) => {
      list.setAttribute("role", "none");
    });
    document.querySelectorAll("ul.select2-selection__rendered > li:not([role])").forEach((item) => {
      item.setAttribute("role", "none");
    });
    document.querySelectorAll(".select2-container").forEach((container) => {
      const select = container.previousElementSibling;
      if (!select || select.tagName !== "SELECT") return;
      const name = nameOf(select);
      container.querySelectorAll(".select2-search__field:not([aria-label])").forEach((field) => {
        if (name) field.setAttribute("aria-label", name);
      });
    });
  };
  window.addEventListener("load", () => {
    label();
    new MutationObserver(label).observe(document.body, { childList: true, subtree: true });
  });
})();
