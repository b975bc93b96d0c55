"""Long unbroken words and addresses wrap on a 360 px phone instead of widening the page."""

import pytest

from articles.models import Author, Section, Topic
from news.models import NewsItem
from tests.factories import make_article, make_author, make_news

pytestmark = pytest.mark.browser

WORD = "Antidisestablishmentarianism" * 10 + "ism" * 6  # 298 letters, one word
URL = (
    "https://example.org/reports/2024/"
    + "/".join(["a-very-long-path-segment"] * 6)
    + ("?utm_source=newsletter&utm_medium=email&utm_campaign=" + "x" * 60)
)
ARABIC_WORD = "استراتيجيات" * 27  # 297 letters, one word


@pytest.fixture
def site(live_server, transactional_db):
    author = make_author(slug="long-words", name_en=WORD[:190], name_ar=ARABIC_WORD[:190])
    article = make_article(
        slug="long-words",
        authors=[author],
        title_en=WORD,
        title_ar=ARABIC_WORD,
        kicker_en=WORD[:190],
        kicker_ar=ARABIC_WORD[:190],
        summary_en=f"{WORD} {URL}",
        summary_ar=f"{ARABIC_WORD} {URL}",
        lead_en=f"{WORD}\n\n{URL}\n\n`{WORD}`",
        lead_ar=f"{ARABIC_WORD}\n\n{URL}\n\n`{WORD}`",
    )
    Section.objects.create(
        article=article,
        position=0,
        heading_en=WORD,
        heading_ar=ARABIC_WORD,
        body_en=f"{URL} {WORD}",
        body_ar=f"{URL} {ARABIC_WORD}",
        closing_en=f"[{WORD}]({URL})",
        closing_ar=f"[{ARABIC_WORD}]({URL})",
    )
    article.topics.add(Topic.objects.create(slug="long", name_en=WORD[:100], name_ar="موضوع"))
    make_news(headline_en=WORD, headline_ar=ARABIC_WORD, article=article)
    item = make_news(headline_en=URL, headline_ar=URL, body_en=URL, body_ar=URL)
    return {
        "url": live_server.url,
        "pages": [
            "/",
            "/articles/",
            f"/articles/{article.slug}/",
            f"/authors/{Author.objects.get().slug}/",
            "/news/",
            f"/news/{item.pk}/",
            f"/news/{NewsItem.objects.exclude(pk=item.pk).get().pk}/",
            f"/search/?q={WORD[:40]}",
        ],
    }


@pytest.mark.parametrize("language", ["ar", "en"])
def test_long_words_and_addresses_fit_a_phone_screen(browser, site, language):
    """At 360 px, every page with a 300-letter word and a long address in its title, lead,
    section, news and byline scrolls only vertically."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page = context.new_page()
    too_wide = {}
    for path in site["pages"]:
        page.goto(f"{site['url']}/{language}{path}")
        scroll_width, inner_width = page.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_width > inner_width:
            too_wide[path] = scroll_width
    context.close()
    assert too_wide == {}
