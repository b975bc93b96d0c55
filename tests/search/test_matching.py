"""What a reader types finds what an editor wrote, whatever the spelling, on either database."""

import pytest

from tests.factories import make_article
from tests.search.helpers import add_section, found, search


@pytest.fixture
def arabic_article(db):
    article = make_article(languages=("ar",))
    add_section(
        article,
        heading="الأخبار العاجلة",
        point_body="تنشر المجلة الدراسات والمقالات كل شهر.",
    )
    return article


@pytest.mark.parametrize("query", ["مقالات", "المقالات", "الاخبار", "اخبار"])
def test_arabic_words_are_found_with_or_without_prefixes_and_hamza(client, arabic_article, query):
    """Text with `والمقالات` and `الأخبار` is found by `مقالات`, `المقالات`, `الاخبار`, `اخبار`."""
    assert found(search(client, query)) == [arabic_article.url_in("ar")]


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("الأَخْبَارُ العَاجِلَةُ", "الاخبار"),  # diacritics in the text
        ("الاخبار العاجلة", "الأَخْبَارُ"),  # diacritics in the query
        ("الأخـــبار العاجلة", "الاخبار"),  # tatweel
        ("إسرائيل", "اسرائيل"),  # alef with hamza below
        ("آثار الحرب", "اثار"),  # alef with madda
        ("ٱلدولة", "الدولة"),  # alef wasla
        ("مقالة جديدة", "مقاله"),  # ta marbuta / ha
        ("مقاله جديده", "مقالة"),
        ("مستشفى المدينة", "مستشفي"),  # alef maqsura / ya
        ("مستشفي المدينة", "مستشفى"),
        ("بالمقالات", "مقالات"),  # the prefixes ب + ال
        ("للمقالات", "مقالات"),  # ل + ال
        ("وبالمقالات", "المقالات"),  # و + ب + ال
        ("مقالات", "والمقالات"),  # prefixes in the query, not in the text
        ("عام ٢٠١٨", "2018"),  # Arabic-Indic digits
    ],
)
def test_arabic_spellings_are_folded_in_text_and_query(client, db, written, typed):
    """Hamza forms, ta marbuta, alef maqsura, diacritics, tatweel and prefixes do not matter."""
    article = make_article(languages=("ar",))
    add_section(article, body=f"نص فيه {written} وكلمات أخرى.")
    assert found(search(client, typed)) == [article.url_in("ar")]


def test_arabic_search_needs_every_word(client, arabic_article):
    """A query finds the texts holding all its words, not any one of them."""
    assert found(search(client, "مقالات الاقتصاد")) == []
    assert found(search(client, "الاقتصاد")) == []
    assert found(search(client, "مقالات الأخبار")) == [arabic_article.url_in("ar")]


def test_short_words_are_not_cut_into_fragments(client, db):
    """`ولد` is not read as و + `لد`, so `بلد` does not find it."""
    make_article(languages=("ar",), lead_ar="ولد في القاهرة.")
    assert found(search(client, "بلد")) == []


@pytest.mark.parametrize("query", ["indications", "Indication", "INDICATING"])
def test_english_words_are_found_in_other_forms(client, db, query):
    """English is stemmed: `indications` finds `indication`, and case does not matter."""
    article = make_article(languages=("en",))
    add_section(article, "en", point_title="One indication.", point_body="It matters.")
    assert found(search(client, query, "en")) == [article.url_in("en")]


def test_every_part_of_an_article_is_searched(client, db):
    """Kicker, title, summary, lead, headings, texts, points, closings and bylines are found."""
    from articles.models import Authorship
    from tests.factories import committed, make_author

    article = make_article(
        languages=("en",),
        kicker_en="Kickerword",
        title_en="Titleword",
        summary_en="Summaryword",
        lead_en="Leadword",
    )
    section = add_section(
        article, "en", heading="Headingword", body="Bodyword", point_title="Pointword"
    )
    section.closing_en = "Closingword"
    author = make_author(name_en="Bylineword")
    with committed():
        section.save()
        Authorship.objects.create(article=article, author=author)
    for word in ["kickerword", "titleword", "summaryword", "leadword", "headingword"]:
        assert found(search(client, word, "en")) == [article.url_in("en")], word
    for word in ["bodyword", "pointword", "closingword", "bylineword"]:
        assert article.url_in("en") in found(search(client, word, "en")), word


@pytest.mark.parametrize(("language", "query"), [("ar", "سوريا"), ("en", "Syria")])
def test_reference_article_is_found_by_a_word_of_its_title(client, demo, language, query):
    """The seed's analysis (`بسوريا`, “in Syria”) is found by the country's name."""
    assert demo.url_in(language) in found(search(client, query, language))
