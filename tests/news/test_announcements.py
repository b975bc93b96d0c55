"""The center-news item that announces a publication always fits its headline column."""

import pytest

from accounts.roles import EDITORS
from articles.models import Article, Status
from news.models import NewsItem
from tests.admin_forms import save
from tests.factories import make_article, make_author

HEADLINE_LENGTH = NewsItem._meta.get_field("headline").max_length


def long_title(words, length):
    """A title of about `length` characters, made of `words` repeated."""
    title = ""
    for word in words * length:
        if len(title) + len(word) + 1 > length:
            return title
        title = f"{title} {word}".strip()
    return title


TITLES = {
    "ar": long_title(
        ["لماذا", "يهتم", "تنظيم", "القاعدة", "في", "بلاد", "المغرب", "الإسلامي", "بسوريا؟"], 285
    ),
    "en": long_title(
        ["Why", "AQIM", "is", "Interested", "in", "Syria:", "Overlapping", "Goals,"], 285
    ),
}
LEAD_INS = {"ar": "د. سارة سالم تكتب: (", "en": "Dr. Sara Salem writes: ("}


@pytest.fixture
def long_article(db):
    author = make_author(
        name_ar="سارة سالم", name_en="Sara Salem", honorific_ar="د.", honorific_en="Dr.", gender="f"
    )
    return make_article(
        status=Status.DRAFT, authors=[author], title_ar=TITLES["ar"], title_en=TITLES["en"]
    )


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_long_title_is_announced_with_a_shortened_title_that_fits(
    client, make_staff, login, long_article, language
):
    """Publishing with "announce" a title of 285 characters: the article is published
    whole, and its announcement keeps the byline, shortens the title after a whole word
    with "…", and keeps the closing parenthesis, within the column."""
    editor = login(make_staff(EDITORS))
    response = save(editor, long_article, {"status": "published", "announce": "on"})
    assert response.status_code == 302
    article = Article.objects.get(pk=long_article.pk)
    assert article.status == Status.PUBLISHED
    assert getattr(article, f"title_{language}") == TITLES[language]
    headline = getattr(NewsItem.objects.get(article=article), f"headline_{language}")
    assert len(headline) <= HEADLINE_LENGTH
    assert headline.startswith(LEAD_INS[language])
    assert headline.endswith("…)")
    shown = headline.removeprefix(LEAD_INS[language]).removesuffix("…)")
    assert TITLES[language].startswith(shown)
    assert TITLES[language][len(shown)] in " ,:"  # cut between words, not inside one
    assert len(shown) > 200  # shortened only as much as needed
    center_news = client.get(f"/{language}/").content.decode()
    assert headline in center_news


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_title_that_fits_is_announced_whole(make_staff, login, db, language):
    """A title with room to spare is not touched: no ellipsis."""
    author = make_author(name_ar="سارة سالم", name_en="Sara Salem")
    title = TITLES[language][:200]
    article = make_article(status=Status.DRAFT, authors=[author], **{f"title_{language}": title})
    editor = login(make_staff(EDITORS))
    assert save(editor, article, {"status": "published", "announce": "on"}).status_code == 302
    headline = getattr(NewsItem.objects.get(article=article), f"headline_{language}")
    assert headline.endswith(f"({title})")


def test_a_single_word_longer_than_the_column_is_cut_inside_it(make_staff, login, db):
    """A title with no space to cut at (a pasted address) is cut where it must."""
    author = make_author(name_en="Sara Salem", honorific_en="Dr.")
    title = "https://example.org/" + "a" * 270
    article = make_article(status=Status.DRAFT, authors=[author], title_en=title)
    editor = login(make_staff(EDITORS))
    assert save(editor, article, {"status": "published", "announce": "on"}).status_code == 302
    headline = NewsItem.objects.get(article=article).headline_en
    assert len(headline) == HEADLINE_LENGTH
    assert headline.startswith("Dr. Sara Salem writes: (https://example.org/aaa")
    assert headline.endswith("a…)")
