"""
The translation desk in a real browser: a translator in the Arabic admin finds an article
whose translation is out of date, with the keyboard alone; sees on the side-by-side page
what changed in the Arabic since it was translated; types the new English and saves; the
article leaves the out-of-date list. And axe finds nothing serious on the desk in either
language.
"""

import re

import pytest
from playwright.sync_api import expect

from accounts.roles import TRANSLATORS
from tests.checkers import AXE_JS, AXE_SERIOUS, require
from tests.e2e.helpers import sign_in
from tests.factories import committed, make_article

pytestmark = pytest.mark.browser

ADDED = "وتؤكد المؤشرات الأخيرة هذا التوجه."
NEW_ENGLISH = "Section 0 text en. Recent indications confirm this direction."


@pytest.fixture
def translator(transactional_db, make_staff):
    return make_staff(TRANSLATORS)


@pytest.fixture
def corrected_article(transactional_db):
    """An Arabic original translated into English, whose first section's Arabic text an
    editor has since added a sentence to; and an article that is up to date."""
    make_article(sections=1, original_language="ar", title_en="Up to date")
    article = make_article(sections=2, original_language="ar", title_en="Corrected analysis")
    section = article.sections.order_by("position").first()
    with committed():
        section.body_ar = f"{section.body_ar} {ADDED}"
        section.save()
    return article


def tab_to(page, selector, limit=120):
    """Press Tab until the element matching `selector` has the focus, as a keyboard user
    would; fail if it is never reached."""
    target = page.locator(selector)
    for _press in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return target
    pytest.fail(f"{selector} is not reachable with the Tab key")


def test_a_translator_brings_an_out_of_date_translation_up_to_date(
    page, live_server, translator, corrected_article
):
    sign_in(page, live_server, translator)
    page.goto(f"{live_server.url}/ar/admin/translations/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    rows = page.locator("#translation-desk tbody tr")
    expect(rows).to_have_count(2)

    # The keyboard alone: the state filter, "out of date", then the button.
    tab_to(page, "#desk-state")
    page.keyboard.press("End")  # the last state: out of date
    expect(page.locator("#desk-state")).to_have_value("out-of-date")
    tab_to(page, ".translation-desk__filters input[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"state=out-of-date"))
    expect(rows).to_have_count(1)
    row = rows.first
    expect(row.locator("th")).to_have_text(corrected_article.title_ar)
    cell = row.locator("td[data-language=en]")
    expect(cell).to_have_attribute("data-state", "out-of-date")

    # The English cell opens the side-by-side page.
    link = tab_to(page, f"tr[data-document='{corrected_article.pk}'] td[data-language=en] a")
    link.press("Enter")
    page.wait_for_url(
        re.compile(rf"/ar/admin/translations/articles/article/{corrected_article.pk}/en/$")
    )
    part = page.locator(".translation-part--out-of-date")
    expect(part).to_have_count(1)
    # What the editor added to the Arabic is shown as added.
    expect(part.locator(".translation-diff ins")).to_contain_text(ADDED)

    part.locator("textarea").fill(NEW_ENGLISH)
    page.locator("#translation_form input[name=_save]").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/ar/admin/translations/?state=out-of-date")
    expect(page.locator("#translation-desk")).to_have_count(0)
    page.goto(f"{live_server.url}/ar/admin/translations/")
    cell = page.locator(f"tr[data-document='{corrected_article.pk}'] td[data-language=en]")
    expect(cell).to_have_attribute("data-state", "complete")
    corrected_article.sections.order_by("position").first().refresh_from_db()
    assert corrected_article.sections.order_by("position").first().body_en == NEW_ENGLISH


def test_the_desk_passes_axe_in_both_languages(browser, live_server, translator, corrected_article):
    axe = require(AXE_JS).read_text(encoding="utf-8")
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.add_init_script(axe)
    sign_in(page, live_server, translator)
    found = []
    for language in ("ar", "en"):
        for query in ("", "?state=out-of-date&language=en", "?document=authors"):
            page.goto(f"{live_server.url}/{language}/admin/translations/{query}")
            found += [f"{language}{query}: {v}" for v in page.evaluate(AXE_SERIOUS)]
        page.goto(f"{live_server.url}/{language}/admin/")
        found += [f"{language} home: {v}" for v in page.evaluate(AXE_SERIOUS)]
    context.close()
    assert found == []


@pytest.mark.parametrize("width", [820, 1280])
def test_the_desk_fits_a_tablet_and_a_laptop(
    browser, live_server, translator, corrected_article, width
):
    """No sideways scrolling of the page at 820 px or 1280 px, in either language."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, translator)
    wide = {}
    for language in ("ar", "en"):
        page.goto(f"{live_server.url}/{language}/admin/translations/")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            wide[language] = overflow
    context.close()
    assert wide == {}
