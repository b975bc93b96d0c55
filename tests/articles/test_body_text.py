import pytest

from tests.factories import make_article
from tests.helpers import html


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("An *italic* word", "An <em>italic</em> word"),
        ("A **strong** word", "A <strong>strong</strong> word"),
        (
            "See [the report](https://example.org/r)",
            'See <a href="https://example.org/r" rel="nofollow noopener">the report</a>',
        ),
        ("A <b>tag</b> & more", "A &lt;b&gt;tag&lt;/b&gt; &amp; more"),
        ("# not a heading", "# not a heading"),
        ("+ not a list", "+ not a list"),
        ("[bad](javascript:alert(1))", '<a rel="nofollow noopener">bad</a>'),
    ],
)
def test_body_text_keeps_emphasis_and_links_and_shows_everything_else_as_typed(
    client, db, written, shown
):
    article = make_article(lead_en=written)
    page = html(client.get(article.url_in("en")))
    assert page.select_one(".article__lead p").decode_contents() == shown
