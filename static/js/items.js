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
        // Filter as each key is typed: with the default 300 ms delay, Enter right after
        // typing picked the first option of the unfiltered list.
        refreshThrottle: 0,
        onChange: () => select.dispatchEvent(new Event("change", { bubbles: true })),
      });
    });
  };

  // Enter inside a picker picks (Tom Select handles that) and never submits the step, not
  // even on a chip or with the list closed.
  list.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.closest(".ts-wrapper")) event.preventDefault();
  });

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
      // The formset keeps its count: a missing row posts nothing and is not an item. A saved
      // custom item stays in the form, hidden, to be deleted when the step is saved.
      const next = row.nextElementSibling || row.previousElementSibling;
      const saved = row.querySelector("input.item-delete");
      if (saved) {
        saved.value = "on";
        row.hidden = true;
        list.parentNode.insertBefore(row, list);
      } else {
        row.remove();
      }
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

  // #item-12-requirement (a library item just added) or #item-12-anchors / -interview_prompts
  // (去修改 on a finding in a row's fold): the cursor goes to that field, the fold opened.
  // No element has such an id, so the browser's own jump to the fragment cannot undo this.
  const target = /^#item-(\d+)-(requirement|interview_prompts|anchors)$/.exec(window.location.hash);
  const targetRow = target && document.getElementById(`item-${target[1]}`);
  if (targetRow) {
    let name = "requirement";
    if (target[2] !== "requirement") {
      targetRow.querySelector("details.item-scorecard").open = true;
      name = target[2] === "anchors" ? "anchor_1" : "interview_prompts";
    }
    const field = targetRow.querySelector(`textarea[name$='-${name}']`);
    field.focus();
    field.scrollIntoView({ block: "center" });
    // Done: the next save of this step must not jump here again.
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }

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
