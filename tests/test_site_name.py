"""The center's name, short name and logo come from settings, in the page's language."""

import xml.etree.ElementTree as ET

import pytest

from core.site import site_name, site_short_name
from tests.helpers import html

NAMES = {
    "ar": ("مركز المستقبل للأبحاث والدراسات المتقدمة", "مركز المستقبل"),
    "en": ("Future for Advanced Research and Studies", "Future Center"),
}
OTHER_NAMES = {
    "ar": ("مركز الغد للدراسات الاستراتيجية", "مركز الغد"),
    "en": ("Tomorrow Center for Strategic Studies", "Tomorrow Center"),
}
OLD_NAMES = ("Research Center", "مركز الأبحاث", "research center")


def rename(settings, names):
    settings.SITE_NAME = {code: full for code, (full, _short) in names.items()}
    settings.SITE_SHORT_NAME = {code: short for code, (_full, short) in names.items()}


def home_page(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return response


def shown_names(page):
    """Where a reader (or a link preview) sees the center's name on a page."""
    return {
        "title": page.title.string,
        "h1": page.h1.get_text(strip=True),
        "header": page.select_one(".site-header .site-name").get_text(strip=True),
        "og:site_name": page.find("meta", property="og:site_name")["content"],
        "footer": page.select_one(".site-footer").get_text(" ", strip=True),
        "description": page.find("meta", attrs={"name": "description"})["content"],
    }


def feed_title(client, language):
    response = client.get(f"/{language}/feeds/rss/")
    assert response.status_code == 200
    return ET.fromstring(response.content).find("channel").findtext("title")


def admin_header(client, language):
    response = client.get(f"/{language}/admin/")
    assert response.status_code == 200
    return html(response).select_one("#site-name").get_text(strip=True)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_default_names_are_the_reference_centers(language):
    """With no setting in the environment, the site carries the reference center's names."""
    full, short = NAMES[language]
    assert site_name(language) == full
    assert site_short_name(language) == short


@pytest.mark.parametrize("language", ["ar", "en"])
def test_home_page_names_the_center_in_its_language(client, db, language):
    """The home page's title, hidden h1, header, og:site_name, footer and description."""
    full, _short = NAMES[language]
    response = home_page(client, language)
    shown = shown_names(html(response))
    assert shown["title"] == full
    assert shown["h1"] == full
    assert shown["header"] == full
    assert shown["og:site_name"] == full
    assert shown["footer"].startswith(full)
    assert full in shown["description"]
    content = response.content.decode()
    for old in OLD_NAMES:
        assert old not in content


@pytest.mark.parametrize("language", ["ar", "en"])
def test_inner_page_titles_end_with_the_short_name(client, db, language):
    """A page's own title is followed by the center's short name, as the title bar shows it."""
    _full, short = NAMES[language]
    for path in ("news/", "search/", "articles/", "no-such-page/"):
        response = client.get(f"/{language}/{path}")
        assert html(response).title.string.endswith(f" | {short}"), path
        for old in OLD_NAMES:
            assert old not in response.content.decode(), path


@pytest.mark.parametrize("language", ["ar", "en"])
def test_feed_and_admin_name_the_center(client, admin_client, db, language):
    """The feed's title carries the full name, the admin's header the short name."""
    full, short = NAMES[language]
    assert feed_title(client, language).startswith(f"{full}: ")
    assert admin_header(admin_client, language).startswith(f"{short}: ")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_settings_rename_the_center_everywhere(client, admin_client, db, settings, language):
    """Other names in SITE_NAME and SITE_SHORT_NAME reach every page, the feed and the admin."""
    rename(settings, OTHER_NAMES)
    full, short = OTHER_NAMES[language]
    response = home_page(client, language)
    shown = shown_names(html(response))
    assert shown["title"] == shown["header"] == shown["og:site_name"] == full
    assert shown["footer"].startswith(full)
    assert html(client.get(f"/{language}/news/")).title.string.endswith(f" | {short}")
    assert feed_title(client, language).startswith(f"{full}: ")
    assert admin_header(admin_client, language).startswith(f"{short}: ")
    for _full, old_short in NAMES.values():
        assert old_short not in response.content.decode()


def test_a_missing_language_falls_back_to_the_default_ones(client, db, settings):
    """A name set in Arabic only is shown on the English pages too, never an empty title."""
    settings.SITE_NAME = {"ar": "مركز الغد"}
    settings.SITE_SHORT_NAME = {}
    page = html(home_page(client, "en"))
    assert page.title.string == "مركز الغد"
    assert html(client.get("/en/news/")).title.string.endswith(" | مركز الغد")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_logo_shown_with_the_name_as_its_alt_text(client, db, settings, language):
    """With SITE_LOGO set, the header shows the logo, its alt text the center's name."""
    settings.SITE_LOGO = "favicon.svg"
    full, _short = NAMES[language]
    link = html(home_page(client, language)).select_one(".site-header .site-name")
    logo = link.find("img")
    assert logo["src"] == "/static/favicon.svg"
    assert logo["alt"] == full
    # The image stands for the name: the name is not written beside it a second time.
    assert link.get_text(strip=True) == ""


def test_no_logo_by_default(client, db):
    """Without SITE_LOGO the header writes the name, with no image."""
    assert html(home_page(client, "ar")).select_one(".site-name img") is None
