"""Helpers of the browser tests."""

# The admin's language tabs, named in the admin's language (core/admin/language-tabs.js
# shows the name the browser gives, as Chromium's Intl.DisplayNames spells it).
TAB_NAMES = {
    "ar": {"ar": "العربية", "en": "الإنجليزية"},
    "en": {"ar": "Arabic", "en": "English"},
}


def language_tab(tabs, field_language, admin_language):
    """The tab of `field_language` in a strip of language tabs of the admin in
    `admin_language`."""
    return tabs.get_by_role("tab", name=TAB_NAMES[admin_language][field_language], exact=True)
