"""
The series and issue forms refuse bad input with a message on the field, in the admin's
language, and save nothing: a number another issue of the series has, a file that is not
a PDF or is too large, a period that ends before it starts, an ISSN with a wrong check
digit, a series in no language. Good input is saved: the languages ticked, the contents
in the order given.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import EDITORS
from core.models import Status
from publications.models import Issue, Series
from tests.admin_forms import form_data
from tests.factories import make_article
from tests.helpers import html
from tests.publications.factories import make_issue, make_pdf, make_series
from tests.publications.test_admin_permissions import admin_url

LATIN = re.compile(r"[A-Za-z]")
ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture
def editor(db, make_staff, login):
    return login(make_staff(EDITORS))


def save_issue(editor, issue, changes, language="en"):
    """Open the issue's change page (or the add page, issue None) as the editor, apply
    `changes`, press Save."""
    url = (
        f"/{language}/admin/publications/issue/add/"
        if issue is None
        else admin_url(issue, language=language)
    )
    data = form_data(editor.get(url), "issue_form")
    data.update(changes, _save="Save")
    return editor.post(url, data)


def field_errors(response, name):
    """The messages shown on one field of the admin form."""
    page = html(response)
    row = page.select_one(f".field-{name}")
    assert row is not None, f"no field {name} on the page"
    return " ".join(item.get_text(" ", strip=True) for item in row.select(".errorlist li"))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_number_the_series_already_has_is_refused_naming_it(editor, language):
    series = make_series(name_ar="اتجاهات آسيوية", name_en="Asian Trends")
    make_issue(series, number=3)
    draft = make_issue(series, number=4, status=Status.DRAFT, published_at=None)
    response = save_issue(editor, draft, {"number": "3"}, language)
    assert response.status_code == 200
    message = field_errors(response, "number")
    name = {"en": "Asian Trends", "ar": "اتجاهات آسيوية"}[language]
    assert name in message and "3" in message
    if language == "ar":
        # Wholly Arabic but for nothing: no English sentence around the name.
        assert ARABIC.search(message) and not LATIN.search(message), message
    else:
        assert "already has an issue 3" in message
    assert Issue.objects.get(pk=draft.pk).number == 4


def test_the_same_number_in_another_series_is_accepted(editor):
    make_issue(make_series(), number=3)
    draft = make_issue(make_series(), number=4)
    assert save_issue(editor, draft, {"number": "3"}).status_code == 302
    assert Issue.objects.get(pk=draft.pk).number == 3


def test_a_new_issue_with_a_taken_number_is_refused(editor):
    issue = make_issue(number=5)
    response = save_issue(
        editor, None, {"series": str(issue.series_id), "number": "5", "date": "2026-01-01"}
    )
    assert response.status_code == 200
    assert "already has an issue 5" in field_errors(response, "number")
    assert Issue.objects.filter(series=issue.series).count() == 1


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(
    ("content", "english"),
    [
        (b"Minutes of the meeting.\n" * 40, "is not a PDF"),
        (b"%PDF-1.7\n" + b"\0" * 900, "damaged"),
    ],
    ids=["text named .pdf", "damaged PDF"],
)
def test_a_file_that_is_not_a_pdf_is_refused_with_a_message(
    editor, media_root, language, content, english
):
    issue = make_issue()
    upload = SimpleUploadedFile("issue.pdf", content, content_type="application/pdf")
    response = save_issue(editor, issue, {"pdf": upload}, language)
    assert response.status_code == 200
    message = field_errors(response, "pdf")
    if language == "en":
        assert english in message
    else:
        # Arabic, keeping only the product's name in Latin letters.
        assert ARABIC.search(message) and not LATIN.search(message.replace("PDF", "")), message
    assert not Issue.objects.get(pk=issue.pk).pdf


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_pdf_over_the_size_limit_is_refused(editor, media_root, settings, language):
    settings.PUBLICATIONS_PDF_MAX_MB = 0.02  # 20 KB
    issue = make_issue()
    response = save_issue(editor, issue, {"pdf": make_pdf(padding=30_000)}, language)
    assert response.status_code == 200
    message = field_errors(response, "pdf").replace("\xa0", " ")
    if language == "en":
        assert "the largest PDF the site accepts is 20.5 KB" in message
    else:
        assert ARABIC.search(message) and not LATIN.search(message.replace("PDF", "")), message
    assert not Issue.objects.get(pk=issue.pk).pdf


def test_a_pdf_within_the_limit_is_kept_with_its_size(editor, media_root, settings):
    settings.PUBLICATIONS_PDF_MAX_MB = 1
    issue = make_issue()
    upload = make_pdf(pages=2)
    assert save_issue(editor, issue, {"pdf": upload}).status_code == 302
    issue = Issue.objects.get(pk=issue.pk)
    assert issue.pdf.name.endswith(".pdf")
    assert issue.pdf_size == upload.size


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_period_that_ends_before_it_starts_is_refused(editor, language):
    issue = make_issue()
    response = save_issue(editor, issue, {"date": "2026-06-01", "date_end": "2026-04-30"}, language)
    assert response.status_code == 200
    message = field_errors(response, "date_end")
    if language == "en":
        assert "The end of the period comes before its start." in message
    else:
        assert ARABIC.search(message) and not LATIN.search(message), message
    stored = Issue.objects.get(pk=issue.pk)
    assert (stored.date.isoformat(), stored.date_end.isoformat()) == ("2026-04-01", "2026-06-30")


def save_series(editor, series, changes, language="en"):
    url = (
        f"/{language}/admin/publications/series/add/"
        if series is None
        else admin_url(series, language=language)
    )
    data = form_data(editor.get(url), "series_form")
    data["languages"] = list(series.languages) if series else ["ar", "en"]
    data.update(changes, _save="Save")
    return editor.post(url, data)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_issn_with_a_wrong_check_digit_is_refused(editor, language):
    series = make_series()
    response = save_series(editor, series, {"issn": "0378-5954"}, language)
    assert response.status_code == 200
    message = field_errors(response, "issn")
    if language == "en":
        assert "does not match the others" in message
    else:
        assert ARABIC.search(message) and not LATIN.search(message.replace("ISSN", "")), message
    assert Series.objects.get(pk=series.pk).issn == ""


def test_a_valid_issn_is_kept_as_printed(editor):
    series = make_series()
    assert save_series(editor, series, {"issn": "1050-124x"}).status_code == 302
    assert Series.objects.get(pk=series.pk).issn == "1050-124X"


def test_the_languages_are_ticked_as_checkboxes(editor):
    """One box per language of the site, ticked for the series' languages; what is
    ticked is saved, in the site's order."""
    series = make_series(languages=["ar"])
    page = html(editor.get(admin_url(series)))
    boxes = page.select("input[type=checkbox][name=languages]")
    assert [(box["value"], box.has_attr("checked")) for box in boxes] == [
        ("ar", True),
        ("en", False),
    ]
    assert save_series(editor, series, {"languages": ["en", "ar"]}).status_code == 302
    assert Series.objects.get(pk=series.pk).languages == ["ar", "en"]


def test_a_series_in_no_language_is_refused(editor):
    series = make_series()
    data = form_data(editor.get(admin_url(series)), "series_form")
    data.pop("languages", None)
    response = editor.post(admin_url(series), {**data, "_save": "Save"})
    assert response.status_code == 200
    assert "Choose the languages" in field_errors(response, "languages")
    assert Series.objects.get(pk=series.pk).languages == ["ar", "en"]


def test_an_editor_adds_a_series(editor):
    response = save_series(
        editor,
        None,
        {
            "name_ar": "دراسات المستقبل",
            "name_en": "Future Studies",
            "slug": "future-studies",
            "series_type": Series.Type.NUMBERED,
            "frequency": Series.Frequency.IRREGULAR,
            "languages": ["ar"],
        },
    )
    assert response.status_code == 302, html(response).select(".errorlist")
    series = Series.objects.get(slug="future-studies")
    assert (series.name_en, series.languages) == ("Future Studies", ["ar"])


def entry_data(index, issue, article, part="", first="", last="", position=None):
    prefix = f"entries-{index}-"
    return {
        f"{prefix}issue": str(issue.pk),
        f"{prefix}article": str(article.pk),
        f"{prefix}part_ar": part,
        f"{prefix}part_en": part,
        f"{prefix}first_page": str(first),
        f"{prefix}last_page": str(last),
        f"{prefix}position": str(index if position is None else position),
    }


def test_an_editor_fills_and_orders_the_contents(editor):
    """Entries added with their articles, parts and pages are saved in the order posted,
    and a later drag (new positions) reorders them."""
    issue = make_issue()
    first, second, third = make_article(), make_article(), make_article()
    changes = {
        "entries-TOTAL_FORMS": "3",
        **entry_data(0, issue, first, "Lead file", 1, 9),
        **entry_data(1, issue, second, "Lead file", 10, 18),
        **entry_data(2, issue, third, "Commentary", 19),
    }
    response = save_issue(editor, issue, changes)
    assert response.status_code == 302, html(response).select(".errorlist")
    rows = list(issue.entries.values_list("article", "part_en", "first_page", "last_page"))
    assert rows == [
        (first.pk, "Lead file", 1, 9),
        (second.pk, "Lead file", 10, 18),
        (third.pk, "Commentary", 19, None),
    ]
    response = save_issue(
        editor,
        issue,
        {"entries-0-position": "2", "entries-1-position": "0", "entries-2-position": "1"},
    )
    assert response.status_code == 302
    assert list(issue.entries.values_list("article", flat=True)) == [second.pk, third.pk, first.pk]


def test_pages_out_of_order_and_an_article_twice_are_refused(editor):
    issue = make_issue()
    article = make_article()
    for changes in (
        {"entries-TOTAL_FORMS": "1", **entry_data(0, issue, article, first=12, last=3)},
        {
            "entries-TOTAL_FORMS": "2",
            **entry_data(0, issue, article),
            **entry_data(1, issue, article),
        },
    ):
        response = save_issue(editor, issue, changes)
        assert response.status_code == 200
        assert html(response).select(".errorlist")
        assert not issue.entries.exists()


def test_a_cover_needs_its_description_in_each_language(editor, media_root):
    from tests.publications.factories import make_cover

    issue = make_issue()
    response = save_issue(editor, issue, {"cover": make_cover()})
    assert response.status_code == 200
    assert "Describe the image in English" in field_errors(response, "cover_alt_en")
    assert not Issue.objects.get(pk=issue.pk).cover
