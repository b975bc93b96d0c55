/*
 * On a tablet or a small laptop (narrower than 1280 px) the admin's sidebar starts
 * closed, leaving the form its width; its toggle opens it, and Django remembers that
 * choice (nav_sidebar.js reads the same key, after this script has run).
 */
"use strict";
if (
  localStorage.getItem("django.admin.navSidebarIsOpen") === null &&
  window.matchMedia("(max-width: 1279px)").matches
) {
  localStorage.setItem("django.admin.navSidebarIsOpen", "false");
}
