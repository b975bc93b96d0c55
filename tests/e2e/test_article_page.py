import io

import pytest
from django.core.management import call_command

from tests.seed import REFERENCE_SLUG, article_lines, normalise

pytestmark = pytest.mark.browser


@pytest.fixture
def reference(live_server, transactional_db):
    call_command("load_demo", stdout=io.StringIO())
    return f"{live_server.url}/{{language}}/articles/{REFERENCE_SLUG}/"


def visible_lines(page, selector):
    """The element's text as the browser shows it, one non-empty line per block."""
    text = page.locator(selector).inner_text()
    return [normalise(line) for line in text.splitlines() if normalise(line)]


def article_text(page):
    """The article's lines after its kind of publication ("Analyses"), a link above the
    kicker that the page adds, as it adds the byline and topics at the end."""
    shown = visible_lines(page, "article")
    assert shown[0] == normalise(page.locator("article .article__kind").inner_text())
    return shown[1:]


def test_english_article_visible_text_is_the_seed(page, reference):
    """What a reader sees of the article is the seed's text, from kicker to last sentence."""
    page.goto(reference.format(language="en"))
    expected, date_index = article_lines()
    shown = article_text(page)
    shown = shown[: len(expected)]  # what follows is the article's footer (byline, topics)
    assert shown[:date_index] + shown[date_index + 1 :] == (
        expected[:date_index] + expected[date_index + 1 :]
    )
    assert page.locator("article ol > li").count() == 4
    assert page.locator("article h2").count() == 3


def line_edges(page, selector):
    """The horizontal edges of an element's box and of its first line of text."""
    return page.eval_on_selector(
        selector,
        """element => {
            const range = document.createRange();
            range.selectNodeContents(element);
            const line = range.getClientRects()[0];
            const box = element.getBoundingClientRect();
            return {boxLeft: box.left, boxRight: box.right, lineLeft: line.left,
                    lineRight: line.right};
        }""",
    )


def test_arabic_article_is_laid_out_right_to_left(page, reference):
    """The Arabic kicker and title hug the right edge; the English ones hug the left."""
    page.goto(reference.format(language="ar"))
    assert page.eval_on_selector("html", "e => getComputedStyle(e).direction") == "rtl"
    for selector in (".article__kicker", ".article__title"):
        edges = line_edges(page, selector)
        assert abs(edges["lineRight"] - edges["boxRight"]) < 2
        assert edges["lineLeft"] - edges["boxLeft"] > 20
    # The center news sits on the left of the article in Arabic, as the mirror of English.
    news = page.locator(".center-news").bounding_box()
    article = page.locator("article").bounding_box()
    assert news["x"] < article["x"]

    page.goto(reference.format(language="en"))
    edges = line_edges(page, ".article__kicker")
    assert abs(edges["lineLeft"] - edges["boxLeft"]) < 2
    assert edges["boxRight"] - edges["lineRight"] > 20
    news = page.locator(".center-news").bounding_box()
    article = page.locator("article").bounding_box()
    assert news["x"] > article["x"]


def test_language_switch_leads_to_the_same_article(page, reference):
    page.goto(reference.format(language="ar"))
    page.get_by_role("link", name="English").click()
    page.wait_for_url(reference.format(language="en"))
    assert page.locator("h1").inner_text() == "Why AQIM is Interested in Syria"
