// Category steps: reorder item cards with the arrow buttons and filter the capability list.
(function () {
  "use strict";
  const items = document.getElementById("items");
  if (items) {
    const renumber = () => {
      items.querySelectorAll(".item-row").forEach((row, index) => {
        const order = row.querySelector("input.item-order");
        if (order) order.value = index + 1;
      });
    };
    items.addEventListener("click", (event) => {
      const button = event.target.closest(".move-up, .move-down");
      if (!button) return;
      const row = button.closest(".item-row");
      if (button.classList.contains("move-up") && row.previousElementSibling) {
        row.parentNode.insertBefore(row, row.previousElementSibling);
      } else if (button.classList.contains("move-down") && row.nextElementSibling) {
        row.parentNode.insertBefore(row.nextElementSibling, row);
      }
      renumber();
      button.focus();
    });
  }
  const filter = document.getElementById("capability-filter");
  if (filter) {
    filter.addEventListener("input", () => {
      const needle = filter.value.trim().toLowerCase();
      document.querySelectorAll("#capability-list [data-search]").forEach((entry) => {
        entry.hidden = needle && !entry.dataset.search.toLowerCase().includes(needle);
      });
    });
    // Enter in the search box must not submit the wizard.
    filter.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });
  }
})();
