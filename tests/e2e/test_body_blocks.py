import pytest

from tests.articles.test_body_blocks import article_with_blocks
from tests.checkers import AXE_JS, require

pytestmark = pytest.mark.browser


def test_article_with_every_block_has_no_serious_accessibility_violation(
    browser, live_server, transactional_db
):
    """axe-core finds no serious or critical violation on lists, quotations and notes."""
    axe = require(AXE_JS).read_text(encoding="utf-8")
    article = article_with_blocks()
    # The site's Content-Security-Policy refuses scripts it did not serve: let axe through.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.add_init_script(axe)
    found = []
    for language in ("ar", "en"):
        page.goto(f"{live_server.url}{article.url_in(language)}")
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ["violations"]}))
                .violations.filter(v => ["serious", "critical"].includes(v.impact))
                .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "))"""
        )
        found += [f"{language}: {violation}" for violation in violations]
    context.close()
    assert found == []
