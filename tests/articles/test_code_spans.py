"""Text an editor puts in `backticks` reaches readers as typed, as code, and never as HTML."""

import pytest

from tests.factories import make_article
from tests.helpers import html

TYPED = [
    "AT&T",
    "a < b > c & d",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "&amp; is how HTML writes &",
    "'single' and \"double\" quotes",
]


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("typed", TYPED)
def test_code_shows_the_characters_the_editor_typed(client, db, language, typed):
    """`…` becomes <code> holding exactly the typed characters: escaped once, not twice,
    and no element, script or attribute of the editor's making."""
    article = make_article(**{f"lead_{language}": f"See `{typed}` here."})
    page = html(client.get(article.url_in(language)))
    paragraph = page.select_one(".article__lead p")
    code = paragraph.select_one("code")
    assert code.get_text() == typed
    assert [tag.name for tag in paragraph.find_all(True)] == ["code"]
    assert paragraph.get_text() == f"See {typed} here."
    assert page.select("script:not([type='application/ld+json']), img") == []


def test_code_sits_among_emphasis_and_links(client, db):
    """Code next to the other marks: each is read, none swallows the other."""
    article = make_article(
        lead_en="The **`R&D`** budget, *not* `<b>` [a report](https://example.org/?a=1&b=2)."
    )
    paragraph = html(client.get(article.url_in("en"))).select_one(".article__lead p")
    assert paragraph.decode_contents() == (
        "The <strong><code>R&amp;D</code></strong> budget, <em>not</em> <code>&lt;b&gt;</code> "
        '<a href="https://example.org/?a=1&amp;b=2" rel="nofollow noopener">a report</a>.'
    )
