"""
The center news of a published issue (publications/announcing.py): in the reference
page's words, «مركز المستقبل يتيح العدد الثالث من مجلة "اتجاهات آسيوية"» / «The Future
Center releases issue 3 of “Asian Trends”», in each language the issue is released in,
leading readers to the issue's page while they can see it.
"""

import datetime

import pytest
from django.utils import timezone

from core.models import Status
from news.models import NewsItem
from publications.announcing import announce_issue, drafted_headlines
from publications.models import Series
from tests.factories import committed, make_article, make_news
from tests.helpers import html
from tests.publications.factories import make_issue, make_series

# The ordinal an Arabic editor writes after العدد, issues 1 to 12.
ARABIC_ORDINALS = [
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الحادي عشر",
    "الثاني عشر",
]


def asian_trends(**fields):
    return make_series(
        slug=fields.pop("slug", "asian-trends"),
        name_ar="اتجاهات آسيوية",
        name_en="Asian Trends",
        **fields,
    )


@pytest.mark.parametrize("number", range(1, 13))
def test_headlines_write_issues_1_to_12_as_the_seed_does(db, number):
    """Arabic spells the ordinal out (العدد الثالث), English writes the numeral."""
    issue = make_issue(asian_trends(), number=number)
    assert drafted_headlines(issue) == {
        "ar": f'مركز المستقبل يتيح العدد {ARABIC_ORDINALS[number - 1]} من مجلة "اتجاهات آسيوية"',
        "en": f"The Future Center releases issue {number} of “Asian Trends”",
    }


@pytest.mark.parametrize(
    ("number", "arabic"), [(100, "العدد المئة"), (125, "العدد 125"), (999, "العدد 999")]
)
def test_headlines_of_three_digit_issues(db, number, arabic):
    """From 100 on Arabic editors write المئة, then the numeral after العدد."""
    issue = make_issue(asian_trends(), number=number)
    assert drafted_headlines(issue) == {
        "ar": f'مركز المستقبل يتيح {arabic} من مجلة "اتجاهات آسيوية"',
        "en": f"The Future Center releases issue {number} of “Asian Trends”",
    }


def test_a_numbered_series_is_a_series_not_a_magazine(db):
    """Issue 12 of a numbered series of studies: سلسلة, not مجلة."""
    series = make_series(
        name_ar="دراسات المستقبل", name_en="Future Studies", series_type=Series.Type.NUMBERED
    )
    issue = make_issue(series, number=12)
    assert drafted_headlines(issue) == {
        "ar": 'مركز المستقبل يتيح العدد الثاني عشر من سلسلة "دراسات المستقبل"',
        "en": "The Future Center releases issue 12 of “Future Studies”",
    }


@pytest.mark.parametrize(
    ("short_names", "expected"),
    [
        (
            {"ar": "مركز الغد", "en": "Tomorrow Center"},
            {
                "ar": 'مركز الغد يتيح العدد الثالث من مجلة "اتجاهات آسيوية"',
                "en": "The Tomorrow Center releases issue 3 of “Asian Trends”",
            },
        ),
        (
            {"ar": "مؤسسة الغد", "en": "Chatham House"},
            {
                "ar": 'مؤسسة الغد تتيح العدد الثالث من مجلة "اتجاهات آسيوية"',
                "en": "Chatham House releases issue 3 of “Asian Trends”",
            },
        ),
    ],
)
def test_the_center_is_named_from_the_settings(db, settings, short_names, expected):
    """The center's short name comes from SITE_SHORT_NAME, with the verb agreeing with it
    in Arabic and "the" before a common noun in English."""
    settings.SITE_SHORT_NAME = short_names
    issue = make_issue(asian_trends(), number=3)
    assert drafted_headlines(issue) == expected
    assert announce_issue(issue).headline_ar == expected["ar"]


def test_an_issue_is_announced_only_in_the_languages_it_is_released_in(client, db):
    """Released in Arabic only: an Arabic headline, none in English, and only the Arabic
    center news lists it."""
    issue = make_issue(asian_trends(), number=3, languages=("ar",))
    item = announce_issue(issue)
    assert item.headline_ar and not item.headline_en
    assert issue.url_in("ar") in center_news_links(client, "/ar/").values()
    assert center_news_links(client, "/en/") == {}


def test_an_issue_is_not_announced_in_a_language_its_series_is_not_named_in(db):
    """A series without an English name has no English headline, whatever the flags say."""
    issue = make_issue(make_series(name_ar="اتجاهات آسيوية", name_en=""), number=3)
    assert list(drafted_headlines(issue)) == ["ar"]


def test_a_draft_issue_is_previewed_in_every_language_its_series_is_named_in(db):
    """Before publishing no language is released yet: the preview shows what publishing
    will announce, and nothing is announced."""
    issue = make_issue(
        asian_trends(), number=3, status=Status.DRAFT, published_at=None, languages=()
    )
    assert set(drafted_headlines(issue)) == {"ar", "en"}
    assert announce_issue(issue) is None
    assert not NewsItem.objects.exists()


def test_the_item_goes_out_with_the_issue_and_leads_to_it(db):
    """Published at the issue's own publication time (a scheduled issue's item appears
    with it), leading to the issue."""
    later = timezone.now() + datetime.timedelta(days=2)
    issue = make_issue(asian_trends(), number=3, published_at=later)
    item = announce_issue(issue)
    item.refresh_from_db()
    assert (item.status, item.published_at, item.subject) == (Status.PUBLISHED, later, issue)
    assert item.article is None


def test_announcing_twice_returns_the_item_already_made_with_its_rewording(db):
    """No second item: the first is returned as its editor left it."""
    issue = make_issue(asian_trends(), number=3)
    item = announce_issue(issue)
    with committed():
        item.headline_en = "Asian Trends, issue 3, is out"
        item.save()
    again = announce_issue(issue, {"en": "Another wording"})
    assert again.pk == item.pk
    assert NewsItem.objects.count() == 1
    again.refresh_from_db()
    assert again.headline_en == "Asian Trends, issue 3, is out"


def test_the_editor_may_word_the_announcement(db):
    """The editor's words replace the drafted headline in their language, on one line;
    a language the issue is not released in gets none, whatever is written for it."""
    issue = make_issue(asian_trends(), number=3, languages=("ar",))
    item = announce_issue(issue, {"ar": "  العدد الثالث\nمن «اتجاهات آسيوية» متاح ", "en": "X"})
    assert item.headline_ar == "العدد الثالث من «اتجاهات آسيوية» متاح"
    assert not item.headline_en


def test_a_long_series_name_is_shortened_to_fit_the_headline(db, settings):
    """The quotation marks stay; the name is cut after a whole word."""
    settings.SITE_SHORT_NAME = {"ar": "مركز المستقبل", "en": "Future " * 18 + "Center"}
    name = " ".join(["Trends"] * 28)
    issue = make_issue(make_series(name_en=name), number=3)
    headline = drafted_headlines(issue)["en"]
    limit = NewsItem._meta.get_field("headline").max_length
    assert len(headline) <= limit
    assert headline.startswith("The Future Future")
    assert "Center releases issue 3 of “Trends Trends" in headline
    assert headline.endswith("Trends…”")


def test_an_unpublished_issue_is_not_announced(db):
    issue = make_issue(asian_trends(), number=3, status=Status.UNPUBLISHED)
    assert announce_issue(issue) is None


# What readers meet.


def center_news_links(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return {a.get_text(): a["href"] for a in html(response).select(".center-news a")}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_center_news_leads_to_the_issue_page_in_its_language(client, db, language):
    """On the home page and an analysis' page, the item leads to the issue's page in the
    page's language, which opens; the item's own page says where to read on."""
    issue = make_issue(asian_trends(), number=3)
    item = announce_issue(issue)
    article = make_article()
    headline = getattr(item, f"headline_{language}")
    url = issue.url_in(language)
    assert url.startswith(f"/{language}/")
    assert center_news_links(client, f"/{language}/")[headline] == url
    assert center_news_links(client, article.url_in(language))[headline] == url
    assert client.get(url).status_code == 200
    item_page = html(client.get(f"/{language}/news/{item.pk}/"))
    assert item_page.select_one(".news-item__link a")["href"] == url


@pytest.mark.parametrize("language", ["ar", "en"])
def test_an_unpublished_issue_no_longer_leads_anywhere_from_the_center_news(client, db, language):
    """Once the issue is unpublished, pages already made (kept by the reader cache) are
    made again: the item leads to its own page, which opens, never to a missing issue."""
    issue = make_issue(asian_trends(), number=3)
    item = announce_issue(issue)
    article = make_article()
    headline = getattr(item, f"headline_{language}")
    pages = [f"/{language}/", article.url_in(language)]
    for path in pages:
        assert center_news_links(client, path)[headline] == issue.url_in(language)
    with committed():
        issue.status = Status.UNPUBLISHED
        issue.save()
    for path in pages:
        link = center_news_links(client, path)[headline]
        assert link == f"/{language}/news/{item.pk}/"
        assert client.get(link).status_code == 200
    item_page = html(client.get(f"/{language}/news/{item.pk}/"))
    assert item_page.select_one(".news-item__link") is None


def test_an_issue_not_released_in_english_is_not_linked_from_the_english_news(client, db):
    """An item written in both languages about an issue released in Arabic only leads to
    the issue from the Arabic pages, and to its own page from the English ones."""
    issue = make_issue(asian_trends(), number=3, languages=("ar",))
    item = make_news(headline_ar="العدد الثالث", headline_en="Issue 3", subject=issue)
    article = make_article()
    assert center_news_links(client, article.url_in("ar"))["العدد الثالث"] == issue.url_in("ar")
    assert center_news_links(client, article.url_in("en"))["Issue 3"] == f"/en/news/{item.pk}/"


def test_the_center_news_follows_a_renamed_series(client, db):
    """A new slug for the series moves the issue's address: pages already made link to
    the new one."""
    series = asian_trends()
    issue = make_issue(series, number=3)
    item = announce_issue(issue)
    article = make_article()
    center_news_links(client, article.url_in("en"))
    with committed():
        series.slug = "asian-trends-journal"
        series.save()
    link = center_news_links(client, article.url_in("en"))[item.headline_en]
    assert link == "/en/publications/asian-trends-journal/3/" == issue.url_in("en")


def test_a_deleted_issue_leaves_its_item_leading_to_its_own_page(client, db):
    issue = make_issue(asian_trends(), number=3)
    item = announce_issue(issue)
    article = make_article()
    center_news_links(client, article.url_in("en"))
    with committed():
        issue.delete()
    item.refresh_from_db()
    assert item.subject is None and (item.subject_type, item.subject_id) == (None, None)
    link = center_news_links(client, article.url_in("en"))[item.headline_en]
    assert link == f"/en/news/{item.pk}/"


def test_a_change_to_an_issue_no_item_leads_to_keeps_the_center_news(client, db):
    """Only the issues the news leads to make the center news on every page stale."""
    from core import caching
    from news.models import NEWS_CACHE_TAG

    announced = make_issue(asian_trends(), number=3)
    announce_issue(announced)
    other = make_issue(make_series(), number=1)
    before = caching.current_versions([NEWS_CACHE_TAG])
    with committed():
        other.theme_en = "Another theme"
        other.save()
    assert caching.current_versions([NEWS_CACHE_TAG]) == before
    with committed():
        announced.theme_en = "Another theme"
        announced.save()
    assert caching.current_versions([NEWS_CACHE_TAG]) != before
