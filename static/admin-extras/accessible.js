/*
 * Names the admin's controls that third-party scripts leave without one, for screen
 * readers (axe's "label" and "select-name" rules):
 * - modeltranslation's switch of every field's language, named like the language menu,
 *   its options by the language's name rather than its code;
 * - select2's search box of an autocomplete, named by the label of the field it serves;
 * - the change list's search box, named like its button (its label holds only an icon).
 * Boxes made later (a row added, a select2 opened) are named as they appear.
 */
"use strict";
(function () {
  const names = new Intl.DisplayNames([document.documentElement.lang || "en"], {
    type: "language",
  });

  function nameLanguageSwitch() {
    const select = document.getElementById("modeltranslation-main-switch");
    const menu = document.querySelector(".admin-language-switch");
    if (!select || select.hasAttribute("aria-label")) return;
    if (menu) select.setAttribute("aria-label", menu.getAttribute("aria-label"));
    for (const option of select.options) {
      const code = option.textContent.trim();
      try {
        option.textContent = names.of(code) || code;
      } catch (error) {
        // Not a language code: leave it as it is.
      }
    }
  }

  function nameSearchBoxes() {
    document.querySelectorAll(".select2-search__field:not([aria-label])").forEach((box) => {
      const container = box.closest(".select2-container");
      const select = container && container.previousElementSibling;
      const label = select && select.id && document.querySelector(`label[for="${select.id}"]`);
      if (label) box.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    });
  }

  function nameListSearch() {
    const box = document.getElementById("searchbar");
    const button = document.querySelector("#changelist-search [type=submit]");
    if (box && button && !box.hasAttribute("aria-label")) {
      box.setAttribute("aria-label", button.value);
    }
  }

  function nameAll() {
    nameLanguageSwitch();
    nameSearchBoxes();
    nameListSearch();
  }

  // modeltranslation and select2 make their controls when they are ready, which may be
  // after this script's own load handler: name them whenever the page grows.
  window.addEventListener("load", () => {
    nameAll();
    new MutationObserver(nameAll).observe(document.body, { childList: true, subtree: true });
  });
})();
