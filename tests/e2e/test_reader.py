import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article, Topic
from news.models import NewsItem
from publications.models import Issue
from tests.checkers import AXE_JS, AXE_SERIOUS, reader_pages, require
from tests.seed import REFERENCE_SLUG

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_server, transactional_db):
    call_command("load_demo", stdout=io.StringIO())
    return live_server.url


def test_no_serious_accessibility_violation_on_any_page_type(browser, site):
    """axe-core, run in the browser, finds no serious or critical violation, in either language."""
    axe = require(AXE_JS).read_text(encoding="utf-8")
    # The site's Content-Security-Policy rightly refuses scripts it did not serve: let
    # the test's own checker through.
    page = browser.new_context(bypass_csp=True).new_page()
    article = Article.objects.get(slug=REFERENCE_SLUG)
    pages = reader_pages(
        article,
        Topic.objects.first(),
        article.authors.first(),
        NewsItem.objects.first(),
        issue=Issue.objects.get(number=3),
    )
    # Loaded into every page as an init script: the site's Content-Security-Policy
    # refuses an inline <script>, as it should.
    page.add_init_script(axe)
    found = []
    for language in ("ar", "en"):
        for name, path in pages.items():
            page.goto(f"{site}/{language}{path}")
            violations = page.evaluate(AXE_SERIOUS)
            found += [f"{language} {name}: {violation}" for violation in violations]
    assert found == []


def test_arabic_article_fits_a_phone_screen(browser, site):
    """At 360 px wide the Arabic article page scrolls only vertically."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page = context.new_page()
    page.goto(f"{site}/ar/articles/{REFERENCE_SLUG}/")
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1]
    context.close()


def test_search_from_the_header(page, site):
    page.goto(f"{site}/en/")
    page.get_by_role("searchbox").first.fill("Droukdel")
    page.get_by_role("searchbox").first.press("Enter")
    page.wait_for_url("**/en/search/?q=Droukdel*")
    expect(page.get_by_role("link", name="Why AQIM is Interested in Syria")).to_be_visible()
