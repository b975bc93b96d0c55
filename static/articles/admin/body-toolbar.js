/*
 * The body-text box's toolbar and preview (articles/widgets.py). The buttons write the
 * body format's marks around the selection, as an editor would type them; the preview
 * shows the field as readers will see it, rendered by the server with the site's own
 * renderer. Clicks are handled on the document, so that the boxes of sections and points
 * added after the page loaded (copies of nested_admin's template) work too.
 */
"use strict";
(function () {
  document.documentElement.classList.add("body-tools-on");

  function edit(area, start, end, text, selectFrom, selectTo) {
    area.focus();
    area.setRangeText(text, start, end, "end");
    if (selectFrom !== undefined) {
      area.setSelectionRange(start + selectFrom, start + selectTo);
    }
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function wrap(area, before, after, placeholder) {
    const { selectionStart: start, selectionEnd: end } = area;
    const chosen = area.value.slice(start, end) || placeholder;
    edit(area, start, end, before + chosen + after, before.length, before.length + chosen.length);
  }

  // The lines the selection touches, as a block of their own (blank lines around it).
  function block(area, mark) {
    const value = area.value;
    let start = value.lastIndexOf("\n", area.selectionStart - 1) + 1;
    let end = value.indexOf("\n", area.selectionEnd);
    if (end === -1) end = value.length;
    const lines = value.slice(start, end).split("\n").filter((line) => line.trim());
    const marked = (lines.length ? lines : [""]).map((line, index) => mark(index) + line.trim());
    const before = start > 0 && !value.slice(0, start).endsWith("\n\n") ? "\n" : "";
    const after = end < value.length && !value.slice(end).startsWith("\n\n") ? "\n" : "";
    edit(area, start, end, before + marked.join("\n") + after);
  }

  function note(area) {
    const used = [...area.value.matchAll(/\[\^(\d+)\]/g)].map((match) => Number(match[1]));
    const label = used.length ? Math.max(...used) + 1 : 1;
    const at = area.selectionEnd;
    edit(area, at, at, `[^${label}]`);
    const definition = `${area.value.trimEnd() ? "\n\n" : ""}[^${label}]: `;
    area.value = area.value.trimEnd() + definition;
    area.setSelectionRange(area.value.length, area.value.length);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  const ACTIONS = {
    strong: (area) => wrap(area, "**", "**", "…"),
    em: (area) => wrap(area, "*", "*", "…"),
    link: (area) => {
      const { selectionStart: start, selectionEnd: end } = area;
      const words = area.value.slice(start, end) || "…";
      const text = `[${words}](https://)`;
      edit(area, start, end, text, words.length + 3, text.length - 1);
    },
    bullets: (area) => block(area, () => "- "),
    numbers: (area) => block(area, (index) => `${index + 1}. `),
    quote: (area) => block(area, () => "> "),
    note: note,
    figure: (area) => {
      const at = area.selectionEnd;
      edit(area, at, at, "\n\n![1]\n\n", 4, 5);
    },
  };

  const timers = new WeakMap();

  function refresh(box) {
    const area = box.querySelector("textarea");
    const shown = box.querySelector(".body-text__preview");
    const token = document.querySelector("[name=csrfmiddlewaretoken]");
    const body = new URLSearchParams({ text: area.value, language: area.lang || "" });
    fetch(box.dataset.previewUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "" },
      body: body,
    })
      .then((response) => (response.ok ? response.text() : ""))
      .then((html) => {
        // The server's renderer escapes and sanitises what the editor typed.
        shown.innerHTML = html;
      })
      .catch(() => {});
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest(".body-text__tool");
    if (!button) return;
    const box = button.closest(".body-text");
    const area = box.querySelector("textarea");
    const action = button.dataset.action;
    if (action === "preview") {
      const shown = box.querySelector(".body-text__preview");
      const on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(on));
      shown.hidden = !on;
      if (on) refresh(box);
      return;
    }
    if (ACTIONS[action] && !area.readOnly && !area.disabled) ACTIONS[action](area);
  });

  document.addEventListener("input", (event) => {
    const box = event.target.closest && event.target.closest(".body-text");
    if (!box || event.target.tagName !== "TEXTAREA") return;
    const toggle = box.querySelector(".body-text__preview-toggle");
    if (!toggle || toggle.getAttribute("aria-pressed") !== "true") return;
    clearTimeout(timers.get(box));
    timers.set(box, setTimeout(() => refresh(box), 600));
  });
})();
