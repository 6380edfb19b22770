// Category steps: one compact row per item. Rows are reordered by dragging the handle
// (SortableJS) or with the 上移/下移 buttons, methods are picked with Tom Select, and
// "添加自定义条目" inserts a row from the formset's empty form.
(function () {
  "use strict";
  const list = document.getElementById("items");
  if (!list) return;
  const form = list.closest("form");
  const totalForms = form.querySelector("input[name$='-TOTAL_FORMS']");
  const template = document.getElementById("item-template");

  // Orders follow the rows as shown; a moved row tells the unsaved-changes guard.
  const renumber = () => {
    list.querySelectorAll(".item-row").forEach((row, index) => {
      row.querySelector("input.item-order").value = index + 1;
    });
    form.dispatchEvent(new Event("change", { bubbles: true }));
  };

  const enhance = (root) => {
    root.querySelectorAll("select.method-select").forEach((select) => {
      if (select.tomselect) return;
      new TomSelect(select, {
        plugins: ["remove_button"],
        placeholder: select.dataset.placeholder,
        hidePlaceholder: true,
        maxOptions: null,
        closeAfterSelect: false,
        onChange: () => select.dispatchEvent(new Event("change", { bubbles: true })),
      });
    });
  };

  list.addEventListener("change", (event) => {
    if (event.target.matches(".item-keep input")) {
      event.target.closest(".item-row").classList.toggle("item-dropped", !event.target.checked);
    }
  });

  list.addEventListener("click", (event) => {
    const button = event.target.closest(".move-up, .move-down, .remove-row");
    if (!button) return;
    const row = button.closest(".item-row");
    if (button.classList.contains("remove-row")) {
      // The formset keeps its count: a missing row posts nothing and is not an item.
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumber();
      (next ? next.querySelector("input[name$='-name']") : document.getElementById("add-item")).focus();
      return;
    }
    if (button.classList.contains("move-up") && row.previousElementSibling) {
      list.insertBefore(row, row.previousElementSibling);
    } else if (button.classList.contains("move-down") && row.nextElementSibling) {
      list.insertBefore(row.nextElementSibling, row);
    }
    renumber();
    button.focus();
  });

  document.getElementById("add-item").addEventListener("click", () => {
    const index = Number(totalForms.value);
    const html = template.innerHTML.replace(/__prefix__/g, String(index));
    list.insertAdjacentHTML("beforeend", html);
    totalForms.value = index + 1;
    const row = list.lastElementChild;
    enhance(row);
    renumber();
    row.querySelector("input[name$='-name']").focus();
  });

  Sortable.create(list, {
    handle: ".drag-handle",
    animation: 150,
    forceFallback: true,
    onEnd: renumber,
  });
  enhance(list);

  const filter = document.getElementById("capability-filter");
  if (filter) {
    const entries = document.querySelectorAll("#capability-list [data-search]");
    const none = document.getElementById("capability-none");
    filter.addEventListener("input", () => {
      const needle = filter.value.trim().toLowerCase();
      let shown = 0;
      entries.forEach((entry) => {
        entry.hidden = Boolean(needle) && !entry.dataset.search.toLowerCase().includes(needle);
        if (!entry.hidden) shown += 1;
      });
      none.hidden = shown > 0;
    });
    // Enter in the search box must not submit the wizard.
    filter.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });
  }
})();
