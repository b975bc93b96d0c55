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


def sign_in(page, live_server, user):
    """Open a session for `user` in the browser's context, without the sign-in form (and
    its throttling)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
