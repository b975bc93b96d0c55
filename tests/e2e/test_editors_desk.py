"""The editor's desk in a real browser: the save bar stays in view, the workflow's pages
fit a tablet and a small laptop, and the desk and the change page pass axe and the Nu
checker in both languages."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from accounts.roles import EDITORS
from articles.models import Status
from tests.checkers import AXE_JS, AXE_SERIOUS, nu_errors, require
from tests.e2e.helpers import sign_in
from tests.factories import make_article

pytestmark = pytest.mark.browser

LANGUAGES = ["ar", "en"]
SCREENS = {"tablet": (820, 1180), "laptop": (1280, 720)}


@pytest.fixture
def long_article(transactional_db):
    return make_article(sections=12, points=3, status=Status.REVIEW)


@pytest.fixture
def editor(transactional_db, make_staff):
    return make_staff(EDITORS)


def workflow_pages(article):
    admin = "/admin/articles/article"
    return {
        "desk": "/admin/",
        "list": f"{admin}/",
        "add": f"{admin}/add/",
        "change": f"{admin}/{article.pk}/change/",
        "history": f"{admin}/{article.pk}/history/",
        "import": f"{admin}/import/",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_save_bar_stays_in_view_in_the_middle_of_a_long_article(
    page, live_server, editor, long_article, language
):
    sign_in(page, live_server, editor)
    page.goto(f"{live_server.url}/{language}/admin/articles/article/{long_article.pk}/change/")
    height = page.evaluate("document.documentElement.scrollHeight")
    page.evaluate(f"window.scrollTo(0, {height // 2})")
    bar = page.locator(".save-bar")
    box = bar.bounding_box()
    viewport = page.viewport_size
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] + 1
    assert page.locator(".save-bar button[value=publish]").is_visible()


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_workflow_pages_fit_tablets_and_small_laptops(
    browser, live_server, editor, long_article, language, screen
):
    """No page of the article workflow scrolls sideways at 820 px or 1280×720."""
    width, height = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    sign_in(page, live_server, editor)
    wide = {}
    for name, path in workflow_pages(long_article).items():
        page.goto(f"{live_server.url}/{language}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            wide[name] = overflow
    context.close()
    assert wide == {}


def test_the_desk_and_the_change_page_pass_axe_in_both_languages(
    browser, live_server, editor, long_article
):
    axe = require(AXE_JS).read_text(encoding="utf-8")
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.add_init_script(axe)
    sign_in(page, live_server, editor)
    found = []
    for language in LANGUAGES:
        for name in ("desk", "change", "add", "list"):
            page.goto(f"{live_server.url}/{language}{workflow_pages(long_article)[name]}")
            violations = page.evaluate(AXE_SERIOUS)
            found += [f"{language} {name}: {violation}" for violation in violations]
    context.close()
    assert found == []


def test_the_desk_and_the_change_page_are_valid_html(editor, long_article, tmp_path):
    """The Nu HTML Checker finds no error on the desk and the change page, in both
    languages."""
    client = Client()
    client.force_login(editor)
    pages = {}
    for language in LANGUAGES:
        for name in ("desk", "change", "add"):
            response = client.get(f"/{language}{workflow_pages(long_article)[name]}")
            assert response.status_code == 200
            pages[f"{language}-{name}"] = response.content
    assert nu_errors(pages, tmp_path) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_toolbar_writes_marks_and_the_preview_shows_them(
    page, live_server, editor, long_article, language
):
    """Two lines made a bulleted list by the toolbar, and previewed as a list."""
    sign_in(page, live_server, editor)
    page.goto(f"{live_server.url}/{language}/admin/articles/article/{long_article.pk}/change/")
    box = page.locator(".body-text").filter(has=page.locator(f"#id_lead_{language}"))
    lead = box.locator("textarea")
    lead.fill("one\ntwo")
    lead.evaluate("area => area.setSelectionRange(0, area.value.length)")
    box.locator("[data-action=bullets]").click()
    expect(lead).to_have_value("- one\n- two")
    box.locator("[data-action=preview]").click()
    expect(box.locator(".body-text__preview li")).to_have_text(["one", "two"])


def test_every_control_of_the_change_page_and_list_has_a_name(
    browser, live_server, editor, long_article
):
    """axe's naming rules pass on the change page and the list in both languages: the date
    and time boxes, the language switch, the autocomplete's search box, the list's search."""
    axe = require(AXE_JS).read_text(encoding="utf-8")
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.add_init_script(axe)
    sign_in(page, live_server, editor)
    found = []
    for language in LANGUAGES:
        for name in ("change", "list", "add"):
            page.goto(f"{live_server.url}/{language}{workflow_pages(long_article)[name]}")
            violations = page.evaluate(
                """async () => (await axe.run(document, {
                        runOnly: ["label", "select-name", "label-title-only", "button-name",
                                  "link-name", "input-button-name", "aria-input-field-name"],
                        resultTypes: ["violations"]}))
                    .violations.map(v => v.id + ": "
                        + v.nodes.map(n => n.target.join(" ")).join(", "))"""
            )
            found += [f"{language} {name}: {violation}" for violation in violations]
    context.close()
    assert found == []
