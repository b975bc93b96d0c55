/*
 * Language tabs for points added to a section that was itself just added.
 *
 * modeltranslation turns the new section's fields into tabs, including the blank
 * template nested_admin keeps for that section's points. nested_admin then copies the
 * template for each new point but leaves "__prefix__" in the ids of the copied tab
 * panels, so every new point's "EN" tab opens the same (hidden) panel. Give each copied
 * panel the id its own field implies, and make the copied tabs work (a copy is markup
 * only: jQuery UI's handlers were not copied with it).
 */
document.addEventListener("formset:added", (event) => {
  const form = event.target;
  form.querySelectorAll(".ui-tabs-panel[id*='__prefix__']").forEach((panel) => {
    const field = panel.querySelector("[id^='id_']");
    if (!field) {
      return;
    }
    const tabs = panel.closest(".ui-tabs");
    const link = tabs && tabs.querySelector(`a[href="#${CSS.escape(panel.id)}"]`);
    const id = `tab_${field.id}`;
    panel.id = id;
    if (link) {
      link.setAttribute("href", `#${id}`);
    }
  });
  const $ = window.django && window.django.jQuery;
  if ($ && $.fn.tabs) {
    $(form).find(".ui-tabs").each(function () {
      const tabs = $(this);
      const instance = tabs.tabs("instance");
      if (instance && instance.element[0] === this) {
        tabs.tabs("refresh");
        return;
      }
      // The copy carries the template's widget data and handlers along: swap it for a
      // plain copy (the form was just added, so there is nothing typed to lose).
      const fresh = tabs.clone(false);
      tabs.replaceWith(fresh);
      fresh.tabs({ active: fresh.find(".ui-tabs-nav > li").index(fresh.find(".ui-tabs-active")) });
    });
  }
});
