"""
The demo's periodical (publications/demo.py): "اتجاهات آسيوية" / "Asian Trends" with its
issue 3, a generated cover and PDF, and a table of contents with the reference analysis
and pieces written for it, which the seed's center news leads to.
"""

import datetime
import itertools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles import renditions
from news.models import NewsItem
from publications import pdfs
from publications.announcing import announce_issue
from publications.labels import period_label
from publications.models import Issue, Series
from tests.helpers import html
from tests.seed import REFERENCE_SLUG

SEED_HEADLINES = {
    "ar": 'مركز المستقبل يتيح العدد الثالث من مجلة "اتجاهات آسيوية"',
    "en": "Future Center releases the third issue of the journal “Asian Trends”",
}


@pytest.fixture
def issue(media_root, demo):
    """Issue 3 of the demo periodical, loaded into the test's own media folder."""
    return Issue.objects.select_related("series").get(series__slug="asian-trends", number=3)


def test_the_demo_periodical_is_asian_trends_quarterly(issue):
    series = issue.series
    assert (series.name_ar, series.name_en) == ("اتجاهات آسيوية", "Asian Trends")
    assert series.series_type == Series.Type.PERIODICAL
    assert series.frequency == Series.Frequency.QUARTERLY
    assert series.issn == ""
    assert series.languages == ["ar", "en"]
    assert series.description_ar and series.description_en


def test_issue_3_covers_april_to_june_2026_and_is_published_in_both_languages(issue):
    assert (issue.date, issue.date_end) == (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))
    assert period_label(issue, "en") == "April–June 2026"
    assert issue.is_published_in("ar") and issue.is_published_in("en")
    assert issue.theme_ar and issue.theme_en and issue.summary_ar and issue.summary_en
    assert issue.editorial.is_published_in("ar") and issue.editorial.is_published_in("en")


def test_the_contents_open_with_the_reference_analysis_in_the_lead_file(issue):
    """The reference analysis under "ملف العدد", then at least two pieces under the
    analyses and the commentary, each published in both languages with its pages."""
    entries = list(issue.entries.select_related("article"))
    parts = [(entry.part_ar, entry.part_en) for entry in entries]
    assert parts[0] == ("ملف العدد", "Lead file")
    assert entries[0].article.slug == REFERENCE_SLUG
    assert set(parts[1:]) == {("تحليلات", "Analyses"), ("آراء", "Commentary")}
    written = [entry.article for entry in entries[1:]]
    assert len(written) >= 2
    for entry in entries:
        assert entry.first_page and entry.last_page > entry.first_page
        assert entry.article.is_published_in("ar") and entry.article.is_published_in("en")
    for article in written:
        # A few paragraphs in each language: the lead and at least one section.
        assert len(article.lead_paragraphs()) >= 2
        assert article.sections.exists()
        assert all(section.body_ar and section.body_en for section in article.sections.all())
    pages = [(entry.first_page, entry.last_page) for entry in entries]
    assert pages == sorted(pages)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(pages))


def test_the_pdf_is_one_the_site_accepts(issue):
    """The generated PDF passes the check an editor's upload must pass, has a few pages,
    and its size is known to the page."""
    from pypdf import PdfReader

    with issue.pdf.open("rb") as stored:
        content = stored.read()
    pdfs.validate_pdf(SimpleUploadedFile("issue.pdf", content, content_type="application/pdf"))
    with issue.pdf.open("rb") as stored:
        assert len(PdfReader(stored).pages) >= 3
    assert issue.pdf_size == len(content)


def test_the_cover_has_its_renditions_and_alt_text(issue, media_root):
    """Saved through the cover field: its renditions were made when the demo's save
    committed, before any page asked for them."""
    made = [path for path in (media_root / "renditions").rglob("*") if path.is_file()]
    assert made
    picture = renditions.page_picture(issue.cover)
    assert picture is not None and picture.fallback
    assert issue.cover_alt_ar and issue.cover_alt_en


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_the_seed_news_item_leads_to_the_issue_page(client, issue, language, direction):
    """The seed's line about the issue, and no other item, leads to the issue's page in
    the page's language, which opens in its direction with the issue's contents."""
    links = {
        a.get_text(): a["href"] for a in html(client.get(f"/{language}/")).select(".center-news a")
    }
    assert links[SEED_HEADLINES[language]] == issue.url_in(language)
    page = client.get(links[SEED_HEADLINES[language]])
    assert page.status_code == 200
    document = html(page)
    assert document.html["dir"] == direction
    assert {"ar": "العدد الثالث", "en": "Issue 3"}[language] in document.h1.get_text()
    for entry in issue.entries.all():
        assert entry.article.url_in(language) in page.content.decode()
    # Every link of the contents opens, and the PDF link answers with the PDF.
    contents = {a["href"] for a in document.select("main a[href]")}
    articles = {href for href in contents if "/articles/" in href}
    assert len(articles) >= issue.entries.count()
    for href in articles:
        assert client.get(href).status_code == 200, href
    (pdf,) = {href for href in contents if href.endswith("/pdf/")}
    download = client.get(pdf)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_announcing_the_demo_issue_returns_the_seed_item(issue):
    """The seed's item already announces it: announcing it again makes no second one."""
    seed = NewsItem.objects.get(headline_ar=SEED_HEADLINES["ar"])
    assert announce_issue(issue).pk == seed.pk
    assert NewsItem.objects.count() == 5
