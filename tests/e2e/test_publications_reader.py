"""The publications' pages in a real browser: no serious accessibility violation, an
issue that fits a phone, and a reader's way from the contents to an article and back."""

import pytest
from playwright.sync_api import expect

from core.models import Status
from tests.checkers import AXE_JS, AXE_SERIOUS, require
from tests.factories import make_article, make_author
from tests.publications.factories import make_cover, make_issue, make_pdf, make_series

pytestmark = pytest.mark.browser

LONG_WORD = "Antidisestablishmentarianism" * 6
ARABIC_WORD = "استراتيجيات" * 16


@pytest.fixture
def site(live_server, transactional_db, media_root):
    author = make_author(name_en="Ibrahim Fawzy", name_ar="إبراهيم فوزي")
    lead = make_article(authors=[author], title_en="Why AQIM", title_ar="لماذا القاعدة")
    long = make_article(title_en=LONG_WORD, title_ar=ARABIC_WORD)
    series = make_series(
        slug="asian-trends",
        name_en="Asian Trends",
        name_ar="اتجاهات آسيوية",
        issn="2049-3630",
        cover=make_cover(),
    )
    make_issue(series, number=2, cover=make_cover())
    issue = make_issue(
        series,
        number=3,
        theme_en=f"Asia after the war {LONG_WORD}",
        theme_ar=f"آسيا بعد الحرب {ARABIC_WORD}",
        cover=make_cover(),
        pdf=make_pdf(),
        editorial=lead,
        entries=[
            {
                "article": lead,
                "part_en": "Lead file",
                "part_ar": "ملف العدد",
                "first_page": 12,
                "last_page": 19,
            },
            {
                "article": long,
                "part_en": LONG_WORD,
                "part_ar": ARABIC_WORD,
                "first_page": 1200,
                "last_page": 1290,
            },
            {"article": make_article(status=Status.DRAFT), "part_en": "Views", "part_ar": "آراء"},
        ],
    )
    return {"url": live_server.url, "series": series, "issue": issue, "lead": lead}


def test_no_serious_accessibility_violation_on_the_publications_pages(browser, site):
    """axe-core finds no serious or critical violation on the series list, a series and an
    issue, in either language."""
    axe = require(AXE_JS).read_text(encoding="utf-8")
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.add_init_script(axe)
    found = []
    for language in ("ar", "en"):
        for path in (
            f"/{language}/publications/",
            site["series"].url_in(language),
            site["issue"].url_in(language),
        ):
            page.goto(f"{site['url']}{path}")
            found += [f"{path}: {violation}" for violation in page.evaluate(AXE_SERIOUS)]
    context.close()
    assert found == []


@pytest.mark.parametrize("language", ["ar", "en"])
def test_an_issue_fits_a_phone_screen(browser, site, language):
    """At 360 px the issue's page, with a 170-letter word in its theme, a part and a title,
    scrolls only vertically; so do its series' page and the list of series."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page = context.new_page()
    too_wide = {}
    for path in (
        site["issue"].url_in(language),
        site["series"].url_in(language),
        f"/{language}/publications/",
    ):
        page.goto(f"{site['url']}{path}")
        scroll_width, inner_width = page.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_width > inner_width:
            too_wide[path] = scroll_width
    context.close()
    assert too_wide == {}


def test_a_reader_goes_from_the_list_to_an_issue_its_article_and_its_pdf(page, site):
    """Publications → the series → issue 3 → an article of its contents, whose page says
    where it appeared; the issue's PDF downloads as a PDF named in English."""
    page.goto(f"{site['url']}/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Publications").click()
    page.get_by_role("link", name="Asian Trends").first.click()
    page.get_by_role("link", name="Issue 3").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Issue 3")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the issue").click()
    assert download.value.suggested_filename == "Asian Trends - Issue 3.pdf"
    page.locator(".issue__contents").get_by_role("link", name="Why AQIM").click()
    line = page.locator(".article__appearance a")
    expect(line).to_have_text("In: “Asian Trends”, issue 3 (April–June 2026), pp. 12–19")
    line.click()
    expect(page).to_have_url(f"{site['url']}{site['issue'].url_in('en')}")
    assert page.locator("html").get_attribute("dir") == "ltr"
