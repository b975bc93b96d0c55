"""Readers' pages of series and issues: what they show, in which language and direction,
and what readers may not see."""

import datetime
import json

import pytest
import time_machine
from django.utils import timezone

from core.models import Status
from tests.factories import make_article, make_author
from tests.helpers import html
from tests.publications.factories import make_cover, make_issue, make_pdf, make_series

DIRECTION = {"ar": "rtl", "en": "ltr"}


@pytest.fixture
def asian_trends(db, media_root):
    """ "Asian Trends", issue 3 (April–June 2026): a cover, a PDF, an editorial, and a
    contents of four entries under two parts, one of them an unpublished article."""
    author = make_author(name_en="Ibrahim Fawzy", name_ar="إبراهيم فوزي")
    editorial = make_article(title_en="Asia after the war", title_ar="آسيا بعد الحرب")
    lead = make_article(authors=[author], title_en="Why AQIM", title_ar="لماذا القاعدة")
    second = make_article(title_en="Sea lanes", title_ar="الممرات البحرية")
    unpublished = make_article(status=Status.DRAFT, title_en="Not yet", title_ar="ليس بعد")
    view = make_article(title_en="A view", title_ar="رأي")
    series = make_series(
        slug="asian-trends",
        name_en="Asian Trends",
        name_ar="اتجاهات آسيوية",
        issn="2049-3630",
        description_en="A quarterly on Asia.\n\nIn Arabic and English.",
        description_ar="فصلية عن آسيا.",
    )
    issue = make_issue(
        series,
        number=3,
        theme_en="Asia after the war",
        theme_ar="آسيا بعد الحرب",
        editorial=editorial,
        cover=make_cover(),
        pdf=make_pdf(pages=2),
        entries=[
            {
                "article": lead,
                "part_en": "Lead file",
                "part_ar": "ملف العدد",
                "first_page": 12,
                "last_page": 19,
            },
            {
                "article": second,
                "part_en": "Lead file",
                "part_ar": "ملف العدد",
                "first_page": 20,
                "last_page": 27,
            },
            {"article": unpublished, "part_en": "Lead file", "part_ar": "ملف العدد"},
            {"article": view, "part_en": "Views", "part_ar": "آراء", "first_page": 28},
        ],
    )
    return {
        "series": series,
        "issue": issue,
        "editorial": editorial,
        "lead": lead,
        "second": second,
        "unpublished": unpublished,
        "view": view,
    }


@pytest.mark.parametrize(
    ("language", "number", "period"),
    [("ar", "العدد الثالث", "أبريل–يونيو 2026"), ("en", "Issue 3", "April–June 2026")],
)
def test_issue_page_shows_the_issue_in_the_language_and_its_direction(
    client, asian_trends, language, number, period
):
    """The issue's page: lang and dir of its language, the number and period as the
    language writes them, its theme, summary and cover."""
    issue = asian_trends["issue"]
    response = client.get(issue.url_in(language))
    assert response.status_code == 200
    page = html(response)
    assert page.html["lang"] == language
    assert page.html["dir"] == DIRECTION[language]
    assert page.h1.get_text() == number
    assert page.select_one(".issue__period").get_text() == period
    assert page.select_one(".issue__theme").get_text() == getattr(issue, f"theme_{language}")
    assert page.select_one(".issue__summary").get_text() == getattr(issue, f"summary_{language}")
    cover = page.select_one(".issue__cover img")
    assert cover["alt"] == getattr(issue, f"cover_alt_{language}")
    # A rendition, never the upload itself.
    assert "/renditions/" in cover["src"]
    series_link = page.select_one(".issue__series a")
    assert series_link["href"] == asian_trends["series"].url_in(language)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_contents_are_grouped_under_their_parts_and_link_to_the_articles(
    client, asian_trends, language
):
    """Entries in order under one heading per run of the same part, each published
    article linked, with its pages; the links lead to the articles' pages."""
    page = html(client.get(asian_trends["issue"].url_in(language)))
    parts = page.select(".contents__part")
    assert [part.h3.get_text() for part in parts] == (
        ["ملف العدد", "آراء"] if language == "ar" else ["Lead file", "Views"]
    )
    first = parts[0].select(".contents__entry")
    assert [entry.select_one(".contents__title").get_text() for entry in first] == [
        getattr(asian_trends[name], f"title_{language}")
        for name in ("lead", "second", "unpublished")
    ]
    links = [a["href"] for a in page.select(".contents__title a")]
    assert links == [asian_trends[name].url_in(language) for name in ("lead", "second", "view")]
    for link in links:
        assert client.get(link).status_code == 200
    pages = [entry.select_one(".contents__pages") for entry in first]
    assert pages[2] is None
    assert "12–19" in pages[0].get_text()
    byline = first[0].select_one(".contents__byline").get_text()
    assert getattr(asian_trends["lead"].authors.get(), f"name_{language}") in byline


def test_an_unpublished_article_is_listed_without_a_link(client, asian_trends):
    """An article readers cannot open is in the contents, as in print, but not linked."""
    page = html(client.get(asian_trends["issue"].url_in("en")))
    entry = next(
        entry
        for entry in page.select(".contents__entry")
        if entry.select_one(".contents__title").get_text() == "Not yet"
    )
    assert entry.find("a") is None
    assert asian_trends["unpublished"].get_absolute_url() not in str(page)


def test_an_article_not_released_in_the_language_is_not_linked_in_it(client, db):
    """An article published in Arabic only is linked from the Arabic contents alone; with
    no English title it is left out of the English contents."""
    arabic = make_article(languages=("ar",))
    issue = make_issue(entries=[arabic])
    assert [
        a["href"] for a in html(client.get(issue.url_in("ar"))).select(".contents__title a")
    ] == [arabic.url_in("ar")]
    assert html(client.get(issue.url_in("en"))).select(".contents__entry") == []


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_editorial_is_shown_and_linked(client, asian_trends, language):
    """The editorial's title links to its article in the page's language."""
    page = html(client.get(asian_trends["issue"].url_in(language)))
    link = page.select_one(".issue__editorial a")
    assert link["href"] == asian_trends["editorial"].url_in(language)
    assert link.get_text() == getattr(asian_trends["editorial"], f"title_{language}")


@pytest.mark.parametrize(("language", "label"), [("ar", "PDF، 1 كيلوبايت"), ("en", "PDF, 1 KB")])
def test_the_pdf_link_gives_its_size_and_answers_a_pdf(client, asian_trends, language, label):
    """The download link says "PDF, 1 KB"; it answers application/pdf, its length, and
    a filename in the page's language."""
    issue = asian_trends["issue"]
    page = html(client.get(issue.url_in(language)))
    link = page.select_one(".issue__download a")
    assert label in page.select_one(".issue__download").get_text()
    response = client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")
    assert int(response["Content-Length"]) == len(content) == issue.pdf_size
    assert response["Content-Disposition"].startswith("attachment;")


def test_the_pdf_is_named_in_the_page_language(client, asian_trends):
    """English: a plain filename. Arabic: RFC 5987's filename* in UTF-8, and an ASCII
    fallback for programs that cannot read it."""
    issue = asian_trends["issue"]
    english = client.get(f"{issue.url_in('en')}pdf/")
    assert english["Content-Disposition"] == 'attachment; filename="Asian Trends - Issue 3.pdf"'
    arabic = client.get(f"{issue.url_in('ar')}pdf/")["Content-Disposition"]
    assert arabic.startswith("attachment; filename=\"asian-trends-3.pdf\"; filename*=UTF-8''")
    from urllib.parse import unquote

    assert unquote(arabic.split("''", 1)[1]) == "اتجاهات آسيوية - العدد الثالث.pdf"


def test_an_issue_without_a_pdf_has_no_download(client, db):
    """No download link, and no PDF address, for an issue without a PDF."""
    issue = make_issue()
    assert html(client.get(issue.url_in("en"))).select_one(".issue__download") is None
    assert client.get(f"{issue.url_in('en')}pdf/").status_code == 404


@pytest.mark.parametrize("language", ["ar", "en"])
def test_series_page_lists_its_issues_newest_first_with_covers(client, db, media_root, language):
    """Name, description, ISSN, and the published issues newest first, each with its cover."""
    series = make_series(issn="2049-3630")
    issues = [
        make_issue(
            series,
            number=n,
            date=datetime.date(2025, n * 3 - 2, 1),
            cover=make_cover(),
        )
        for n in (1, 2, 3)
    ]
    make_issue(series, number=4, status=Status.DRAFT)
    page = html(client.get(series.url_in(language)))
    assert page.html["lang"] == language and page.html["dir"] == DIRECTION[language]
    assert page.h1.get_text() == getattr(series, f"name_{language}")
    assert page.select_one(".series__about p").get_text() == getattr(
        series, f"description_{language}"
    )
    facts = page.select_one(".series__facts").get_text()
    assert "2049-3630" in facts
    links = [a["href"] for a in page.select(".issue-card__link")]
    assert links == [issue.url_in(language) for issue in reversed(issues)]
    assert all(card.select_one("img") for card in page.select(".issue-card"))
    assert page.select_one(".issue-card__number").get_text() == (
        "العدد الثالث" if language == "ar" else "Issue 3"
    )


def test_series_page_shows_type_frequency_and_links_its_feeds(client, db):
    """The series' type and frequency, and its RSS and Atom feeds in the head and the page."""
    series = make_series()
    make_issue(series)
    page = html(client.get(series.url_in("en")))
    facts = {div.dt.get_text(): div.dd.get_text() for div in page.select(".series__facts div")}
    assert facts == {"Type": "Periodical", "Frequency": "Quarterly"}
    feeds = {link["type"]: link["href"] for link in page.select("link[rel=alternate][type]")}
    assert feeds == {
        "application/rss+xml": f"/en/publications/{series.slug}/rss/",
        "application/atom+xml": f"/en/publications/{series.slug}/atom/",
    }
    assert [a["href"] for a in page.select(".feed-links a")] == list(feeds.values())


def test_series_page_paginates_its_issues(client, db):
    """Twenty-four issues a page; a page past the last is a 404."""
    series = make_series()
    for number in range(1, 27):
        make_issue(series, number=number, date=datetime.date(2000 + number, 1, 1))
    first = html(client.get(series.url_in("en")))
    assert len(first.select(".issue-card")) == 24
    second = html(client.get(f"{series.url_in('en')}?page=2"))
    assert [
        card.select_one(".issue-card__number").get_text() for card in second.select(".issue-card")
    ] == [
        "Issue 2",
        "Issue 1",
    ]
    assert client.get(f"{series.url_in('en')}?page=3").status_code == 404


@pytest.mark.parametrize("language", ["ar", "en"])
def test_all_series_page_shows_each_series_with_its_latest_issue(client, db, media_root, language):
    """Every series named in the language with an issue in it, in the editors' order, its
    latest issue's cover; none without."""
    trends = make_series(position=1)
    studies = make_series(position=2, series_type="numbered", frequency="")
    make_issue(trends, number=1, date=datetime.date(2025, 1, 1))
    latest = make_issue(trends, number=2, date=datetime.date(2025, 4, 1), cover=make_cover())
    make_issue(trends, number=3, date=datetime.date(2025, 7, 1), status=Status.DRAFT)
    make_issue(studies, number=12)
    empty = make_series(position=0)
    make_issue(empty, status=Status.DRAFT)
    english_only = make_series(name_ar="", position=3)
    make_issue(english_only)
    response = client.get(f"/{language}/publications/")
    page = html(response)
    assert page.html["lang"] == language and page.html["dir"] == DIRECTION[language]
    names = [a.get_text() for a in page.select(".series-card__name a")]
    expected = [trends, studies] + ([english_only] if language == "en" else [])
    assert names == [getattr(series, f"name_{language}") for series in expected]
    first = page.select(".series-card")[0]
    assert first.select_one(".series-card__latest a")["href"] == latest.url_in(language)
    assert "/renditions/" in first.select_one(".series-card__cover img")["src"]


def test_all_series_page_without_series_says_so(client, db):
    """With nothing published the list of series is an empty page, not an error."""
    response = client.get("/en/publications/")
    assert response.status_code == 200
    assert html(response).select(".series-card") == []


def test_header_links_to_the_publications(client, db):
    """Every page's header leads to the publications, in its language."""
    for language, name in (("ar", "الإصدارات"), ("en", "Publications")):
        page = html(client.get(f"/{language}/"))
        link = page.select_one(f'.site-nav a[href="/{language}/publications/"]')
        assert link is not None and link.get_text() == name


# --- What readers may not see ----------------------------------------------------------


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Status.DRAFT},
        {"status": Status.REVIEW},
        {"status": Status.UNPUBLISHED},
        {"published_at": timezone.now() + datetime.timedelta(days=1)},
        {"language_published_en": False},
    ],
    ids=["draft", "review", "unpublished", "scheduled", "not-released"],
)
def test_an_issue_readers_may_not_see_is_a_404_on_every_page(client, db, media_root, hidden):
    """Its page, its PDF, its series' page and the all-series page: nothing of it."""
    series = make_series()
    issue = make_issue(series, pdf=make_pdf(), **hidden)
    assert client.get(issue.url_in("en")).status_code == 404
    assert client.get(f"{issue.url_in('en')}pdf/").status_code == 404
    assert client.get(series.url_in("en")).status_code == 404
    assert series.name_en not in client.get("/en/publications/").content.decode()


def test_an_issue_in_a_series_not_named_in_the_language_is_a_404_in_it(client, db):
    """A series with no English name has no English pages."""
    issue = make_issue(make_series(name_en=""))
    assert client.get(issue.url_in("ar")).status_code == 200
    assert client.get(issue.url_in("en")).status_code == 404


def test_staff_preview_a_draft_issue_under_a_banner_never_cached(
    client, db, media_root, make_staff, login
):
    """An editor sees the draft issue, its PDF and its series under the preview banner;
    the page is not cached nor indexed. An author (who may view) too; a staff account
    without the permission gets the 404."""
    series = make_series()
    draft = make_issue(series, status=Status.DRAFT, pdf=make_pdf())
    editor = login(make_staff("Editors"))
    response = editor.get(draft.url_in("en"))
    assert response.status_code == 200
    page = html(response)
    assert page.select_one(".preview-banner")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    pdf = editor.get(f"{draft.url_in('en')}pdf/")
    assert pdf.status_code == 200 and "no-store" in pdf["Cache-Control"]
    series_page = editor.get(series.url_in("en"))
    assert series_page.status_code == 200
    assert html(series_page).select_one(".preview-banner")
    assert [a["href"] for a in html(series_page).select(".issue-card__link")] == [
        draft.url_in("en")
    ]
    assert login(make_staff("Authors")).get(draft.url_in("en")).status_code == 200
    assert login(make_staff()).get(draft.url_in("en")).status_code == 404
    # And readers still get nothing.
    assert client.get(draft.url_in("en")).status_code == 404


def test_a_scheduled_issue_appears_by_itself_when_its_time_comes(client, db):
    """Before its time readers get 404s (and cached pages without it); after it, the
    issue's page, its series' and the all-series page show it, with no save."""
    noon = datetime.datetime(2030, 6, 1, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(noon - datetime.timedelta(days=1), tick=False):
        series = make_series()
        make_issue(series, number=1, published_at=noon - datetime.timedelta(days=30))
        scheduled = make_issue(series, number=2, published_at=noon, date=datetime.date(2030, 6, 1))
    with time_machine.travel(noon - datetime.timedelta(minutes=5), tick=False):
        assert client.get(scheduled.url_in("en")).status_code == 404
        series_page = client.get(series.url_in("en"))
        assert scheduled.url_in("en") not in series_page.content.decode()
        assert client.get(series.url_in("en"))["X-Cache"] == "hit"
    with time_machine.travel(noon + datetime.timedelta(minutes=1), tick=False):
        assert client.get(scheduled.url_in("en")).status_code == 200
        series_page = client.get(series.url_in("en"))
        assert series_page["X-Cache"] == "miss"
        assert scheduled.url_in("en") in series_page.content.decode()
        latest = html(client.get("/en/publications/")).select_one(".series-card__latest a")
        assert latest["href"] == scheduled.url_in("en")


# --- Sharing, language versions, schema.org -------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en"])
def test_issue_page_carries_sharing_canonical_and_hreflang(client, asian_trends, language):
    """Title, description, og:image, canonical, hreflang and language switch of an issue."""
    issue = asian_trends["issue"]
    page = html(client.get(issue.url_in(language)))
    absolute = {code: f"http://testserver{issue.url_in(code)}" for code in ("ar", "en")}
    assert page.find("link", rel="canonical")["href"] == absolute[language]
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", hreflang=True)}
    assert alternates == absolute
    assert page.title.get_text().startswith(
        "«اتجاهات آسيوية»، العدد الثالث" if language == "ar" else "“Asian Trends”, issue 3"
    )
    assert page.find("meta", attrs={"name": "description"})["content"] == getattr(
        issue, f"summary_{language}"
    )
    assert page.find("meta", property="og:title")["content"]
    assert "/renditions/" in page.find("meta", property="og:image")["content"]
    other = "en" if language == "ar" else "ar"
    assert page.select_one(".language-switch a")["href"] == issue.url_in(other)


def test_an_issue_in_one_language_names_only_it_and_switches_to_the_publications(client, db):
    """Only its language in hreflang; the switch leads to the other language's publications."""
    issue = make_issue(languages=("ar",))
    page = html(client.get(issue.url_in("ar")))
    assert [link["hreflang"] for link in page.find_all("link", hreflang=True)] == ["ar"]
    assert page.select_one(".language-switch a")["href"] == "/en/publications/"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_issue_page_describes_a_publication_issue_for_search_engines(
    client, asian_trends, language
):
    """schema.org: a PublicationIssue (number, date), isPartOf the Periodical (name, ISSN),
    hasPart the articles it links, with their pages."""
    issue = asian_trends["issue"]
    page = html(client.get(issue.url_in(language)))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "PublicationIssue"
    assert data["issueNumber"] == "3"
    assert data["datePublished"] == "2026-04-01"
    assert data["url"] == f"http://testserver{issue.url_in(language)}"
    assert data["isPartOf"] == {
        "@type": "Periodical",
        "name": getattr(asian_trends["series"], f"name_{language}"),
        "issn": "2049-3630",
        "url": f"http://testserver{asian_trends['series'].url_in(language)}",
    }
    assert data["hasPart"][0]["url"] == f"http://testserver{asian_trends['lead'].url_in(language)}"
    assert (data["hasPart"][0]["pageStart"], data["hasPart"][0]["pageEnd"]) == (12, 19)


def test_series_page_describes_a_periodical(client, asian_trends):
    """schema.org: a Periodical with its name, ISSN and page; hreflang in both languages."""
    series = asian_trends["series"]
    page = html(client.get(series.url_in("en")))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Periodical"
    assert data["name"] == "Asian Trends"
    assert data["issn"] == "2049-3630"
    assert data["url"] == f"http://testserver{series.url_in('en')}"
    alternates = {link["hreflang"] for link in page.find_all("link", hreflang=True)}
    assert alternates == {"ar", "en"}


def test_breadcrumbs_lead_back_to_the_series_and_the_publications(client, asian_trends):
    """The issue's breadcrumbs: the publications, its series, then itself."""
    page = html(client.get(asian_trends["issue"].url_in("en")))
    trail = page.select_one("nav.breadcrumbs")
    assert [a["href"] for a in trail.select("a")] == [
        "/en/publications/",
        asian_trends["series"].url_in("en"),
    ]
    assert trail.select_one("[aria-current=page]").get_text() == "Issue 3"


def test_pages_are_readable_without_javascript(client, asian_trends):
    """No script of ours on the pages: everything is in the HTML."""
    for url in (
        "/en/publications/",
        asian_trends["series"].url_in("en"),
        asian_trends["issue"].url_in("en"),
    ):
        page = html(client.get(url))
        assert [s for s in page.find_all("script") if s.get("type") != "application/ld+json"] == []
