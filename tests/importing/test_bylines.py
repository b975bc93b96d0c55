import io

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import override

from articles import importing
from articles.models import Article, Author
from tests.importing.helpers import IMPORT_URL, preview_data, preview_of, read

LEAD = "The lead paragraph of the analysis. It is a sentence or two long, as leads are."
BODY = "The text under the heading, which runs for a sentence or more before it stops."


def article(*lines):
    return "\n\n".join(lines)


def authors_of(imported):
    return [(author.honorific, author.name) for author in imported.authors]


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Jane Smith", [("", "Jane Smith")]),
        ("Jane Smith and Omar Ali.", [("", "Jane Smith"), ("", "Omar Ali")]),
        ("John Doe, et al.", [("", "John Doe")]),
        ("By Dr. Jane Smith", [("Dr.", "Jane Smith")]),
        ("H.E. Rashid Al-Marri", [("H.E.", "Rashid Al-Marri")]),
        ("بقلم: د. أحمد علي", [("د.", "أحمد علي")]),
        ("د. أحمد علي - باحث في الشؤون الإقليمية", [("د.", "أحمد علي")]),
        ("أ. د. ليلى الراوي و د. كريم النعيمي", [("أ. د.", "ليلى الراوي"), ("د.", "كريم النعيمي")]),
        ("معالي سالم بن راشد العامري", [("معالي", "سالم بن راشد العامري")]),
    ],
)
def test_byline_between_title_and_date_gives_the_authors(byline, authors):
    """A byline neither shifts the header nor goes into the lead: it gives the authors."""
    imported = importing.read_text(
        article("Title of the Analysis", byline, "11 December 2023", LEAD, "A Heading", BODY)
    )
    assert (imported.kicker, imported.title) == ("", "Title of the Analysis")
    assert authors_of(imported) == authors
    assert imported.date.isoformat() == "2023-12-11"
    assert imported.lead == [LEAD]
    assert [section.heading for section in imported.sections] == ["A Heading"]


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("الخميس 14/مارس/2019 - 09:20 ص", "2019-03-14"),
        ("السبت، 04-09-2021 الساعة 11:40", "2021-09-04"),
        ("17 كانون ثاني , 2022 08:15", "2022-01-17"),
        ("Published March 2, 2024", "2024-03-02"),
        ("18 رجب 1439 هـ الموافق 04 أبريل 2018", "2018-04-04"),
        ("٢٢ سبتمبر ٢٠٢٢", "2022-09-22"),
    ],
)
def test_dates_with_day_names_times_labels_and_hijri(written, date):
    """Day names, times, labels and a Hijri date beside the Gregorian one are read."""
    assert importing.parse_date(written).isoformat() == date


def test_page_furniture_is_left_out_with_its_reason():
    """Site name, breadcrumbs, picture, share links, tags and copyright never become text."""
    imported = importing.read_text(
        "\n".join(
            [
                "Meridian Institute",
                "Home > Analyses > Middle East",
                "Title of the Analysis",
                "Published March 2, 2024",
                "Updated: 3 May 2024, 10:15 GMT",
                "Share",
                "image",
                LEAD,
                "A Heading",
                BODY,
                "Tags: Iraq, Energy",
                "Related",
                "Another Analysis of the Same Crisis",
                "© 2024 Meridian Institute. All rights reserved.",
            ]
        )
    )
    reasons = {part.text: part.reason for part in imported.left_out}
    assert reasons == {
        "Meridian Institute": importing.Reason.SITE,
        "Home > Analyses > Middle East": importing.Reason.SITE,
        "Updated: 3 May 2024, 10:15 GMT": importing.Reason.UPDATED,
        "Share": importing.Reason.LINKS,
        "image": importing.Reason.PICTURE,
        "Tags: Iraq, Energy": importing.Reason.TAGS,
        "Related": importing.Reason.RELATED,
        "Another Analysis of the Same Crisis": importing.Reason.RELATED,
        "© 2024 Meridian Institute. All rights reserved.": importing.Reason.COPYRIGHT,
    }
    assert imported.title == "Title of the Analysis"
    assert imported.date.isoformat() == "2024-03-02"
    assert imported.lead == [LEAD]
    assert [(s.heading, s.body) for s in imported.sections] == [("A Heading", [BODY])]


def test_whole_sentence_points_are_accepted_without_warnings():
    """A point of one sentence is all lead phrase, and no warning is given for it."""
    imported = importing.read_text(
        article(
            "Title of the Analysis",
            LEAD,
            "Recommendations",
            "We propose:",
            "1. Develop a unifying strategy to improve regulation and investment.",
            "2. Expand naval escort arrangements for commercial vessels.",
        )
    )
    assert [point.title for point in imported.indications] == [
        "Develop a unifying strategy to improve regulation and investment.",
        "Expand naval escort arrangements for commercial vessels.",
    ]
    assert not imported.warnings


def test_saving_attaches_known_authors_and_creates_others_only_when_asked(db):
    """Authors are matched by name in either language; a missing one is created on request."""
    known = Author.objects.create(slug="omar-ali", name_en="Omar Ali", name_ar="عمر علي")
    text = article("Title of the Analysis", "Jane Smith and Omar Ali.", "11 December 2023", LEAD)
    saved = importing.create_article(importing.read_text(text))
    assert list(saved.authors.all()) == [known]
    assert Author.objects.count() == 1
    saved = importing.create_article(importing.read_text(text), create_authors=True)
    jane = Author.objects.get(name_en="Jane Smith")
    assert list(saved.authors.order_by("authorship__position")) == [jane, known]
    arabic = importing.read_text(article("عنوان التحليل", "بقلم: د. عمر علي", "04 أبريل، 2018"))
    assert list(importing.create_article(arabic).authors.all()) == [known]


def test_subtitle_and_abstract_are_the_summary(db):
    """The paragraph after an “Abstract” label is saved as the article's summary."""
    imported = importing.read_text(
        article("Title of the Analysis", "Abstract", "What the study finds.", "Intro", BODY)
    )
    assert imported.standfirst == "What the study finds."
    assert importing.create_article(imported).summary_en == "What the study finds."


def test_report_refuses_what_the_save_would_refuse(db, tmp_path):
    """Without --as-draft the command runs the save's checks: a too-long title fails."""
    path = tmp_path / "long.txt"
    title = "Title " + "wordwordword " * 28
    path.write_text(article(title, "4 April 2018", LEAD), encoding="utf-8")
    stdout, stderr = io.StringIO(), io.StringIO()
    with override("en"), pytest.raises(CommandError):
        call_command("import_article", str(path), stdout=stdout, stderr=stderr)
    assert "too long" in stderr.getvalue()
    assert not Article.objects.exists()


def test_preview_shows_the_byline_and_creates_authors_when_asked(staff_client, db):
    """The preview names the byline's authors; the draft has them once the editor asks."""
    text = article("Title of the Analysis", "By Dr. Jane Smith", "4 April 2018", LEAD)
    response = read(staff_client, text)
    preview = preview_of(response)
    assert "Dr. Jane Smith" in preview.select_one(".import-preview__authors").get_text()
    data = preview_data(response)
    data.update({"_create": "1", "create_authors": "on"})
    assert staff_client.post(IMPORT_URL.format(language="en"), data).status_code == 302
    author = Article.objects.get().authors.get()
    assert (author.honorific_en, author.name_en) == ("Dr.", "Jane Smith")
