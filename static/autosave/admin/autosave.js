/*
 * Nothing typed is lost (autosave/admin_mixins.py):
 * - Enter in a one-line field does not submit the form (a half-written draft would be
 *   saved, and the page left);
 * - leaving the page with unsaved changes asks the browser's "Leave site?" question;
 * - a few seconds after typing, the form's fields are kept on the server, in a copy for
 *   this person and page (never over the object: the refusal of stale saves holds), and
 *   offered back when the page is opened again: restore or discard.
 */
"use strict";
(function () {
  const QUIET = 3000; // kept this long after the last keystroke…
  const LONGEST = 15000; // …and at least this often while typing goes on.
  const NOT_KEPT = new Set(["csrfmiddlewaretoken", "loaded_version"]);
  const NOT_FIELDS = new Set(["file", "password", "submit", "button", "image", "reset"]);

  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  function kept(element) {
    const name = element.name;
    return (
      name &&
      !element.disabled &&
      !NOT_FIELDS.has(element.type) &&
      !NOT_KEPT.has(name) &&
      !name.includes("__prefix__") &&
      !/-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/.test(name)
    );
  }

  // The form's fields as [name, value] pairs; an unticked box is kept as "".
  function fieldsOf(form) {
    const pairs = [];
    for (const element of form.elements) {
      if (!kept(element)) continue;
      if (element.type === "checkbox") {
        pairs.push([element.name, element.checked ? element.value : ""]);
      } else if (element.type === "radio") {
        if (element.checked) pairs.push([element.name, element.value]);
      } else if (element.tagName === "SELECT" && element.multiple) {
        for (const option of element.selectedOptions) pairs.push([element.name, option.value]);
      } else {
        pairs.push([element.name, element.value]);
      }
    }
    return pairs;
  }

  function fill(form, pairs) {
    const values = new Map();
    for (const [name, value] of pairs) {
      if (!values.has(name)) values.set(name, []);
      values.get(name).push(value);
    }
    for (const element of form.elements) {
      if (!kept(element) || !values.has(element.name)) continue;
      const given = values.get(element.name);
      if (element.type === "checkbox") {
        element.checked = given[0] !== "";
      } else if (element.type === "radio") {
        element.checked = given.includes(element.value);
      } else if (element.tagName === "SELECT") {
        for (const option of element.options) option.selected = given.includes(option.value);
      } else {
        element.value = given[0];
      }
      element.dispatchEvent(new Event("input", { bubbles: true }));
      element.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  ready(function () {
    const box = document.getElementById("autosave");
    const form = box && box.closest("form");
    if (!form) return;
    const token = form.querySelector("[name=csrfmiddlewaretoken]").value;
    const key = box.dataset.key;
    const status = box.querySelector(".autosave__status");
    const offer = box.querySelector(".autosave__offer");
    let loaded = JSON.stringify(fieldsOf(form));
    let lastKept = loaded;
    let submitting = false;
    let quietTimer = null;
    let longestTimer = null;

    function post(url, body) {
      return fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token },
        body: JSON.stringify(body),
      }).then((response) => (response.ok ? response.json() : null));
    }

    function keep() {
      clearTimeout(quietTimer);
      clearTimeout(longestTimer);
      quietTimer = longestTimer = null;
      const fields = fieldsOf(form);
      const now = JSON.stringify(fields);
      if (submitting || now === lastKept) return;
      lastKept = now;
      post(box.dataset.keep, { key: key, fields: fields })
        .then((answer) => {
          if (answer) status.textContent = answer.kept;
        })
        .catch(() => {
          lastKept = null; // try again at the next keystroke
        });
    }

    function typed() {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(keep, QUIET);
      if (longestTimer === null) longestTimer = setTimeout(keep, LONGEST);
    }

    form.addEventListener("input", typed);
    form.addEventListener("change", typed);

    form.addEventListener("keydown", function (event) {
      const target = event.target;
      if (
        event.key === "Enter" &&
        !event.isComposing &&
        target.tagName === "INPUT" &&
        !NOT_FIELDS.has(target.type)
      ) {
        event.preventDefault();
      }
    });

    form.addEventListener("submit", function () {
      submitting = true;
    });

    window.addEventListener("beforeunload", function (event) {
      if (submitting || JSON.stringify(fieldsOf(form)) === loaded) return;
      event.preventDefault();
      event.returnValue = "";
    });

    // Offered back only when it differs from what the page shows.
    fetch(box.dataset.fetch + "?key=" + encodeURIComponent(key), { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : null))
      .then((draft) => {
        if (!draft || !draft.found || JSON.stringify(draft.fields) === loaded) return;
        offer.querySelector(".autosave__message").textContent = draft.offer;
        offer.hidden = false;
        box.hidden = false;
        offer.querySelector("[data-action=restore]").addEventListener("click", function () {
          fill(form, draft.fields);
          lastKept = JSON.stringify(fieldsOf(form));
          offer.hidden = true;
          status.textContent = draft.kept;
        });
        offer.querySelector("[data-action=discard]").addEventListener("click", function () {
          post(box.dataset.discard, { key: key });
          offer.hidden = true;
        });
      })
      .catch(() => {});
    box.hidden = false;
  });
})();
