"""The Nu HTML Checker finds no error on the publications' pages, in either language."""

import datetime

from django.utils import timezone

from core.models import Status
from tests.checkers import nu_errors
from tests.factories import make_article, make_author
from tests.publications.factories import make_cover, make_issue, make_pdf, make_series


def whole_seconds():
    # The checker refuses a <time> with microseconds, as make_article's would have.
    return timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)


def test_publications_pages_are_valid_html_in_both_languages(
    client, db, media_root, tmp_path, admin_client
):
    """The list, a periodical, a numbered series, an issue, a preview and an article in an issue."""
    author = make_author()
    listed = [make_article(authors=[author], published_at=whole_seconds()) for _ in range(3)]
    unpublished = make_article(status=Status.DRAFT)
    series = make_series(issn="2049-3630", cover=make_cover())
    make_issue(series, number=2, date=datetime.date(2026, 1, 1), cover=make_cover())
    issue = make_issue(
        series,
        number=3,
        cover=make_cover(),
        pdf=make_pdf(),
        editorial=listed[0],
        entries=[
            (listed[0], "Lead file", 1, 11),
            (listed[1], "Lead file", 12, 19),
            (unpublished, "Lead file"),
            (listed[2], "", 20),
        ],
    )
    draft = make_issue(series, number=4, status=Status.DRAFT)
    numbered = make_series(series_type="numbered", frequency="", issn="")
    make_issue(numbered, number=12)
    pages = {}
    for language in ("ar", "en"):
        for name, url in {
            "publications": f"/{language}/publications/",
            "series": series.url_in(language),
            "numbered-series": numbered.url_in(language),
            "issue": issue.url_in(language),
            "article-in-issue": listed[1].url_in(language),
        }.items():
            response = client.get(url)
            assert response.status_code == 200, url
            pages[f"{language}-{name}"] = response.content
        preview = admin_client.get(draft.url_in(language))
        assert preview.status_code == 200
        pages[f"{language}-preview"] = preview.content
    assert nu_errors(pages, tmp_path) == []
