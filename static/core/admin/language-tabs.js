/*
 * The admin's language tabs name their language ("العربية", "English") instead of its
 * code: modeltranslation writes the code as the tab's text and the name, in the page's
 * language, only as its title. Tabs made later (a section or point just added) are
 * named as they appear.
 */
(function () {
  function quietLinks(root) {
    root.querySelectorAll(".ui-tabs-nav > li[role=tab] > a").forEach((link) => {
      link.inert = true;
    });
  }

  document.addEventListener("click", (event) => {
    const tab = event.target.closest(".ui-tabs-nav > li[role=tab]");
    const strip = tab && tab.closest(".ui-tabs");
    const $ = window.django && window.django.jQuery;
    if (!strip || !$ || !$(strip).tabs("instance")) {
      return;
    }
    event.preventDefault();
    $(strip).tabs("option", "active", [...tab.parentElement.children].indexOf(tab));
  });

  function nameTabs(root) {
    quietLinks(root);
    root.querySelectorAll(".ui-tabs-nav a[title]").forEach((link) => {
      const name = link.getAttribute("title");
      if (name && link.textContent.trim() !== name) {
        link.textContent = name;
      }
    });
  }
  // After modeltranslation's own ready handler has made the tabs; then whenever tabs
  // are made or copied (a section or point added, nested-translation-tabs.js rebuilding
  // a copy), whatever made them.
  window.addEventListener("load", () => {
    nameTabs(document);
    new MutationObserver((changes) => {
      if (changes.some((change) => change.addedNodes.length)) {
        nameTabs(document);
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
