/*
 * The article's outline beside its form (templates/admin/articles/article/outline.html):
 * its sections and their numbered points, each with a link to its place in the form,
 * move up and down, "move to section…" for a point, collapse and expand for a section,
 * and delete with undo until the article is saved. Every action is a button or a select,
 * so the keyboard reaches and moves everything.
 *
 * It works through django-nested-admin's own formsets (the same calls its drag and drop
 * makes), so the form posts exactly what dragging would have posted: positions follow
 * the order of the forms on the page, and a point moved to another section is a form of
 * that section's formset. The outline is drawn again after every change.
 */
"use strict";
// After the page and nested_admin's own formsets are set up.
window.addEventListener("load", function () {
  const box = document.getElementById("article-outline");
  const $ = window.django && window.django.jQuery;
  if (!box || !$ || !$.fn.djangoFormset) return;
  const text = box.dataset;
  const language = document.documentElement.lang;
  const languages = text.languages.split(" ");
  const sectionsGroup = document.getElementById("sections-group");
  const list = box.querySelector(".article-outline__sections");
  const status = box.querySelector(".article-outline__status");
  if (!sectionsGroup) return;

  function say(template, values) {
    return template.replace(/%\((\w+)\)s/g, (whole, name) => values[name]);
  }

  function nestedUtils() {
    const exported = window.DJNesting || {};
    return exported.updatePositions ? exported : exported.default || {};
  }

  // The real forms of a group (not its template), in page order.
  function formsOf(group) {
    const items = group.querySelector(":scope > fieldset > .djn-items, :scope > .djn-items");
    if (!items) return [];
    return [...items.children].filter(
      (form) =>
        form.classList.contains("djn-inline-form") &&
        form.id &&
        !form.id.endsWith("-empty") &&
        !form.classList.contains("empty-form")
    );
  }

  function pointsGroup(section) {
    return document.getElementById(`${section.id}-indications-group`);
  }

  function field(form, name) {
    for (const code of [language, ...languages]) {
      const input = document.getElementById(`id_${form.id}-${name}_${code}`);
      if (input && input.value.trim()) return input.value.trim();
    }
    return "";
  }

  function isDeleted(form) {
    const box = document.getElementById(`id_${form.id}-DELETE`);
    return Boolean(box && box.checked);
  }

  function button(action, label, visible) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "article-outline__button";
    element.dataset.do = action;
    element.textContent = visible || label;
    if (visible) element.setAttribute("aria-label", label);
    return element;
  }

  function entry(form, number, label, kind) {
    const item = document.createElement("li");
    item.className = `article-outline__${kind}`;
    item.dataset.form = form.id;
    const row = document.createElement("div");
    row.className = "article-outline__row";
    const link = document.createElement("a");
    link.href = `#${form.id}`;
    link.className = "article-outline__go";
    link.dataset.do = "go";
    link.textContent = label;
    const deleted = isDeleted(form);
    if (deleted) item.classList.add("is-deleted");
    row.append(link);
    const name = kind === "section" ? say(text.section, { number }) : label;
    row.append(
      button("up", say(text.up, { name }), "↑"),
      button("down", say(text.down, { name }), "↓"),
      deleted ? button("undo", say(text.undo, { name }), text.undoShort) : button("delete", say(text.remove, { name }), "✕")
    );
    item.append(row);
    return item;
  }

  function moveControls(point, sections, current) {
    const wrap = document.createElement("div");
    wrap.className = "article-outline__move";
    const select = document.createElement("select");
    select.id = `outline-move-${point.id}`;
    select.setAttribute("aria-label", say(text.moveTo, { name: point.dataset.label }));
    sections.forEach((section, index) => {
      const option = document.createElement("option");
      option.value = section.id;
      option.textContent = sectionLabel(section, index + 1);
      option.selected = section === current;
      select.append(option);
    });
    const go = button("move", say(text.moveTo, { name: point.dataset.label }), text.moveShort);
    wrap.append(select, go);
    return wrap;
  }

  function sectionLabel(section, number) {
    const heading = field(section, "heading");
    const name = say(text.section, { number });
    return heading ? `${name}: ${heading}` : name;
  }

  function draw() {
    const focused = document.activeElement && box.contains(document.activeElement)
      ? [document.activeElement.closest("[data-form]")?.dataset.form, document.activeElement.dataset.do]
      : null;
    const sections = formsOf(sectionsGroup);
    list.replaceChildren();
    sections.forEach((section, index) => {
      const number = index + 1;
      const item = entry(section, number, sectionLabel(section, number), "section");
      const collapsed = section.classList.contains("is-outline-collapsed");
      const toggle = button(
        "toggle",
        say(collapsed ? text.expand : text.collapse, { name: say(text.section, { number }) }),
        collapsed ? "▸" : "▾"
      );
      toggle.setAttribute("aria-expanded", String(!collapsed));
      item.querySelector(".article-outline__row").prepend(toggle);
      const points = document.createElement("ol");
      points.className = "article-outline__points";
      points.hidden = collapsed;
      const group = pointsGroup(section);
      formsOf(group || document.createElement("div")).forEach((point, pointIndex) => {
        const title = field(point, "title") || say(text.point, { number: pointIndex + 1 });
        point.dataset.label = `${pointIndex + 1}- ${title}`;
        const pointItem = entry(point, pointIndex + 1, point.dataset.label, "point");
        pointItem.append(moveControls(point, sections, section));
        points.append(pointItem);
      });
      item.append(points);
      list.append(item);
    });
    if (focused && focused[0]) {
      const again = list.querySelector(`[data-form="${focused[0]}"] [data-do="${focused[1]}"]`) ||
        list.querySelector(`[data-form="${focused[0]}"] .article-outline__go`);
      if (again) again.focus();
    }
  }

  function siblingForm(form, step) {
    const forms = formsOf(form.closest(".djn-group"));
    return forms[forms.indexOf(form) + step];
  }

  function reorder(form, step) {
    const other = siblingForm(form, step);
    if (!other) return false;
    if (step < 0) other.before(form);
    else other.after(form);
    const utils = nestedUtils();
    if (utils.updatePositions) utils.updatePositions($(form).djangoFormsetPrefix());
    return true;
  }

  function moveToSection(point, sectionId) {
    const target = pointsGroup(document.getElementById(sectionId));
    if (!target || target.contains(point)) return null;
    // As nested_admin's drag and drop does: the form is put in its new place first, then
    // handed to the new formset, which renames it and counts it.
    const forms = formsOf(target);
    if (forms.length) {
      forms[forms.length - 1].after(point);
    } else {
      target.querySelector(".djn-items > .djn-no-drag").after(point);
    }
    $(target).djangoFormset().spliceInto($(point));
    return point.id; // spliceInto renamed it
  }

  let timer = null;
  function drawSoon() {
    clearTimeout(timer);
    timer = setTimeout(draw, 200);
  }

  box.addEventListener("click", (event) => {
    const control = event.target.closest("[data-do]");
    if (!control) return;
    if (control.dataset.do === "fold-all" || control.dataset.do === "unfold-all") {
      // Each section to its title bar: a long article fits on one screen.
      const fold = control.dataset.do === "fold-all";
      formsOf(sectionsGroup).forEach((section) => {
        section.classList.toggle("is-outline-collapsed", fold);
      });
      draw();
      return;
    }
    const item = control.closest("[data-form]");
    const form = item && document.getElementById(item.dataset.form);
    if (!form) return;
    const action = control.dataset.do;
    const formset = $(form.closest(".djn-group")).djangoFormset();
    if (action === "go") {
      event.preventDefault();
      form.classList.remove("is-outline-collapsed");
      form.scrollIntoView({ block: "start" });
      const first = form.querySelector("input:not([type=hidden]), textarea, select");
      if (first) first.focus({ preventScroll: true });
      return;
    }
    if (action === "up" || action === "down") {
      if (reorder(form, action === "up" ? -1 : 1)) status.textContent = text.moved;
    } else if (action === "toggle") {
      form.classList.toggle("is-outline-collapsed");
    } else if (action === "delete") {
      if (form.dataset.isInitial === "true") formset.delete(form);
      else formset.remove(form);
      status.textContent = text.deleted;
    } else if (action === "undo") {
      formset.undelete(form);
      status.textContent = text.restored;
    } else if (action === "move") {
      const select = item.querySelector("select");
      const newId = moveToSection(form, select.value);
      if (newId) {
        status.textContent = text.moved;
        draw();
        const moved = list.querySelector(`[data-form="${newId}"] .article-outline__go`);
        if (moved) moved.focus();
        return;
      }
    }
    draw();
  });

  sectionsGroup.addEventListener("input", (event) => {
    if (/-(heading|title)_\w+$/.test(event.target.id || "")) drawSoon();
  });
  $(document).on("djnesting:mutate formset:added formset:removed", drawSoon);
  box.hidden = false;
  draw();
});
