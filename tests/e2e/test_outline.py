"""The article's outline beside its form: moving, folding and deleting sections and
points from it, with the keyboard alone, and the public page following once saved."""

import pytest
from playwright.sync_api import expect

from accounts.roles import EDITORS
from articles.models import Article
from tests.e2e.helpers import sign_in
from tests.factories import make_article

pytestmark = pytest.mark.browser


@pytest.fixture
def opened(page, live_server, transactional_db, make_staff):
    """An editor on the change page of a three-section article with two points each."""

    def open_page(language="en"):
        sign_in(page, live_server, make_staff(EDITORS))
        article = make_article(sections=3, points=2)
        page.goto(f"{live_server.url}/{language}/admin/articles/article/{article.pk}/change/")
        return article

    return open_page


def save(page):
    page.locator(".save-bar input[name=_continue]").click()
    page.wait_for_load_state()
    expect(page.locator(".messagelist .success")).to_be_visible()


def public_structure(client, article, language="en"):
    """[(heading, [lead phrases])] of the saved article, as the database holds it."""
    article = Article.objects.get(pk=article.pk)
    return [
        (
            getattr(section, f"heading_{language}"),
            [getattr(point, f"title_{language}") for point in section.indications.all()],
        )
        for section in article.sections.all()
    ]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_point_moves_to_another_section_with_the_keyboard(page, opened, client, language):
    """Tab to the point's section menu, choose the third section, press Move, save: the
    point is the third section's last, on the public page too."""
    article = opened(language)
    before = public_structure(client, article, language)
    moved_title = before[0][1][0]
    outline = page.locator("#article-outline")
    expect(outline).to_be_visible()
    point = outline.locator(".article-outline__point").first
    point.locator("select").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    # The outline follows at once, and keeps the keyboard on the moved point.
    third = outline.locator(".article-outline__section").nth(2)
    expect(third.locator(".article-outline__point")).to_have_count(3)
    focused = page.evaluate("document.activeElement.closest('[data-form]').dataset.form")
    assert focused.startswith(third.get_attribute("data-form") + "-indications-")
    save(page)
    after = public_structure(client, article, language)
    assert after[0][1] == before[0][1][1:]
    assert after[2][1] == [*before[2][1], moved_title]
    response = client.get(article.url_in(language))
    text = response.content.decode()
    assert text.index(before[2][0]) < text.index(moved_title)


def test_sections_move_up_and_down_and_the_order_is_saved(page, opened, client):
    article = opened()
    headings = [heading for heading, _points in public_structure(client, article)]
    outline = page.locator("#article-outline")
    outline.locator(".article-outline__section").nth(2).locator("[data-do=up]").first.focus()
    page.keyboard.press("Enter")
    expect(
        outline.locator(".article-outline__section > .article-outline__row > a").nth(1)
    ).to_contain_text(headings[2])
    save(page)
    saved = [heading for heading, _points in public_structure(client, article)]
    assert saved == [headings[0], headings[2], headings[1]]


def test_delete_can_be_undone_until_the_save(page, opened, client):
    """A point deleted then kept survives; one deleted and saved is gone."""
    article = opened()
    points = public_structure(client, article)[1][1]
    second = page.locator("#article-outline .article-outline__section").nth(1)
    second.locator(".article-outline__point").first.locator("[data-do=delete]").click()
    expect(second.locator(".article-outline__point.is-deleted")).to_have_count(1)
    second.locator(".article-outline__point").first.locator("[data-do=undo]").click()
    expect(second.locator(".article-outline__point.is-deleted")).to_have_count(0)
    second.locator(".article-outline__point").nth(1).locator("[data-do=delete]").click()
    save(page)
    assert public_structure(client, article)[1][1] == points[:1]


def test_folding_a_section_leaves_one_line_of_it(page, opened):
    opened()
    outline = page.locator("#article-outline")
    first = outline.locator(".article-outline__section").first
    form_id = first.get_attribute("data-form")
    first.locator("[data-do=toggle]").click()
    expect(first.locator(".article-outline__points")).to_be_hidden()
    expect(page.locator(f"#{form_id} > fieldset")).to_be_hidden()
    expect(page.locator(f"#{form_id} > h3")).to_be_visible()
    expect(first.locator("[data-do=toggle]")).to_have_attribute("aria-expanded", "false")


def test_a_twelve_section_article_folds_onto_one_screen(
    page, live_server, transactional_db, make_staff
):
    """ "Fold every section" leaves each section's title bar: all twelve fit in the window."""
    sign_in(page, live_server, make_staff(EDITORS))
    article = make_article(sections=12, points=3)
    page.goto(f"{live_server.url}/en/admin/articles/article/{article.pk}/change/")
    page.locator("#article-outline [data-do=fold-all]").click()
    expect(page.locator("#sections-group .is-outline-collapsed")).to_have_count(12)
    height = page.evaluate(
        "document.getElementById('sections-group').getBoundingClientRect().height"
    )
    assert height <= page.viewport_size["height"]
    page.locator("#article-outline [data-do=unfold-all]").click()
    expect(page.locator("#sections-group .is-outline-collapsed")).to_have_count(0)
