import pytest

from tests.articles.test_body_blocks import article_with_blocks
from tests.checkers import AXE_JS, AXE_SERIOUS, require
from tests.factories import committed, make_figure

pytestmark = pytest.mark.browser


def article_with_every_block():
    """Lists, quotations and notes in every field, and a figure placed in the lead."""
    article = article_with_blocks()
    for code in ("ar", "en"):
        setattr(article, f"lead_{code}", getattr(article, f"lead_{code}") + "\n\n![1]")
    with committed():
        article.save()
    make_figure(article, "1")
    return article


def test_article_with_every_block_has_no_serious_accessibility_violation(
    browser, live_server, transactional_db, media_root
):
    """axe-core finds no serious or critical violation on lists, quotations, notes and
    figures."""
    axe = require(AXE_JS).read_text(encoding="utf-8")
    article = article_with_every_block()
    # The site's Content-Security-Policy refuses scripts it did not serve: let axe through.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.add_init_script(axe)
    found = []
    for language in ("ar", "en"):
        page.goto(f"{live_server.url}{article.url_in(language)}")
        assert page.locator("figure.figure").count() == 1
        violations = page.evaluate(AXE_SERIOUS)
        found += [f"{language}: {violation}" for violation in violations]
    context.close()
    assert found == []
