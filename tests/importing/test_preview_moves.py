"""
The admin's import preview: the body as readers will see it (lists, quotations, notes, in
the article's language and direction), and the one-action move of a paragraph into or out
of a section's last point, which changes what is saved and refuses a forged move.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.translation import gettext, override

from articles.models import Article
from tests.checkers import nu_errors
from tests.helpers import html
from tests.importing.helpers import IMPORT_URL, part_index, preview_data, preview_of, read
from tests.importing.test_corpus import build_docx
from tests.seed import SEED

FIXTURES = SEED.parent / "importing"
LEAD = "The lead paragraph of the analysis. It is a sentence or two long, as leads are."

# A point of two paragraphs ends the section; where it ends, the text does not say.
TWO_PARAGRAPH_POINT = "\n\n".join(
    [
        "Why Ports Matter",
        "4 April 2018",
        LEAD,
        "Three Reasons",
        "The reasons are these:",
        "1- Trade Routes: most of the region's trade passes through three ports.",
        "2- Investment: foreign investors have bought stakes in all of them.",
        "Their stakes grew fastest in the last five years.",
        "Whatever comes next, the ports will stay at the heart of the region.",
    ]
)


def upload(client, name, language):
    data = build_docx.build(name)
    return read(client, file=SimpleUploadedFile(f"{name}.docx", data), language=language)


def post(client, data, language="en", **extra):
    return client.post(IMPORT_URL.format(language=language), {**data, **extra})


def move_buttons(response):
    return {
        button.get_text(" ", strip=True): button["value"]
        for button in html(response).select('#import_preview button[name="_move"]')
    }


def roles(data):
    return {key: value for key, value in data.items() if key.endswith("-role")}


@pytest.mark.parametrize(
    ("name", "language", "direction"),
    [("journal-ar-mediterranean-migration", "ar", "rtl"), ("brief-en-gulf-cyber", "en", "ltr")],
)
def test_preview_shows_lists_quotations_and_notes_as_readers_see_them(
    staff_client, db, name, language, direction
):
    """No raw “- ”, “> ” or “[^1]”: lists, quotations and numbered notes, in its direction."""
    preview = preview_of(upload(staff_client, name, language))
    assert (preview["lang"], preview["dir"]) == (language, direction)
    assert preview.select("ul > li")
    assert preview.select_one("figure.quote > blockquote > p").get_text().strip()
    text = preview.get_text()
    assert "[^" not in text and "\n- " not in text and "\n> " not in text
    if language == "ar":
        marker = preview.select_one("sup.note-ref a")
        assert (marker.get_text(), marker["href"]) == ("1", "#note-1")
        notes = preview.select_one("section.notes")
        assert notes.h2.get_text() == "الهوامش"  # the article's language, as readers see it
        assert [li["id"] for li in notes.select("li")] == ["note-1", "note-2", "note-3", "note-4"]


def test_a_paragraph_moved_into_the_last_point_is_saved_in_it(staff_client, db):
    """“Move into point 4” takes the closing paragraph into the point, which is saved so."""
    response = read(staff_client, SEED.read_text(encoding="utf-8"))
    box = html(response).select_one(".import-point-end--guessed")
    assert "point 4" in box.p.get_text()
    closing = part_index(preview_data(response), "Despite this, there are other views")
    assert move_buttons(response) == {"Move into point 4": f"into-3-4-{closing}"}

    moved = post(staff_client, preview_data(response), _move=f"into-3-4-{closing}")
    assert moved.status_code == 200
    last_point = preview_of(moved).select("ol.indications > li")[-1]
    assert "Despite this, there are other views" in last_point.get_text()
    assert move_buttons(moved) == {"Move out of point 4": f"out-3-4-{closing}"}
    assert preview_data(moved)[f"parts-{closing}-role"] == "point_paragraph"
    assert not Article.objects.exists()  # a move only changes the preview

    assert post(staff_client, preview_data(moved), _create="1").status_code == 302
    section = Article.objects.get().sections.get(position=2)
    with override("en"):
        assert section.closing == ""
        body = section.indications.get(position=3).body
    assert body.split("\n\n")[-1].startswith("Despite this, there are other views")


def test_a_paragraph_moved_out_of_the_last_point_is_saved_as_the_closing(staff_client, db):
    """“Move out of point 2” makes the point's last paragraph the section's closing text."""
    response = read(staff_client, TWO_PARAGRAPH_POINT)
    data = preview_data(response)
    second = part_index(data, "Their stakes grew fastest")
    buttons = move_buttons(response)
    assert buttons["Move out of point 2"] == f"out-1-2-{second}"
    moved = post(staff_client, data, _move=buttons["Move out of point 2"])
    assert "Their stakes grew" not in preview_of(moved).select("ol.indications > li")[-1].get_text()
    assert post(staff_client, preview_data(moved), _create="1").status_code == 302
    section = Article.objects.get().sections.get()
    with override("en"):
        assert section.closing.split("\n\n") == [
            "Their stakes grew fastest in the last five years.",
            "Whatever comes next, the ports will stay at the heart of the region.",
        ]
        assert section.indications.get(position=1).body == (
            "foreign investors have bought stakes in all of them."
        )


def test_a_move_keeps_the_editors_other_corrections(staff_client, db):
    """Corrections typed in the table before a move are kept; the move applies to them."""
    data = preview_data(read(staff_client, SEED.read_text(encoding="utf-8")))
    heading = part_index(data, "Continued Escalation")
    data[f"parts-{heading}-text"] = "A Heading Corrected Before the Move"
    closing = part_index(data, "Despite this, there are other views")
    moved = post(staff_client, data, _move=f"into-3-4-{closing}")
    assert preview_of(moved).find("h4").get_text() == "A Heading Corrected Before the Move"
    assert preview_data(moved)[f"parts-{heading}-text"] == "A Heading Corrected Before the Move"


def other_articles_move(client):
    """A move button of another text: a real value, for a paragraph this text does not have."""
    return move_buttons(read(client, TWO_PARAGRAPH_POINT))["Move out of point 2"]


@pytest.mark.parametrize(
    "forged",
    [
        "into-3-4-999",  # no such paragraph
        "into-3-9-26",  # no such point
        "into-7-1-26",  # no such section
        "out-3-4-26",  # not the paragraph before the end
        "into-3-4--26",
        "sideways",
        "other article",
    ],
)
@override("en")
def test_a_forged_move_is_refused_and_changes_nothing(staff_client, db, forged):
    """A move naming no paragraph beside a point's end here is a form error; nothing moves."""
    if forged == "other article":
        forged = other_articles_move(staff_client)
    data = preview_data(read(staff_client, SEED.read_text(encoding="utf-8")))
    response = post(staff_client, data, _move=forged)
    assert response.status_code == 200
    errors = html(response).select("#import_preview .errorlist.nonfield li")
    assert [li.get_text() for li in errors] == [
        "That paragraph cannot be moved: the preview has changed since. Nothing was moved; "
        "use the buttons as they are now."
    ]
    assert roles(preview_data(response)) == roles(data)
    assert not Article.objects.exists()


def test_a_move_needs_the_forms_csrf_token(admin_user, db):
    """The move is a POST of the preview's form: without its CSRF token it is refused."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    response = read(client, SEED.read_text(encoding="utf-8"), csrfmiddlewaretoken="")
    assert response.status_code == 403
    page = client.get(IMPORT_URL.format(language="en"))
    token = html(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = read(client, SEED.read_text(encoding="utf-8"), csrfmiddlewaretoken=token)
    data = preview_data(response)
    closing = part_index(data, "Despite this, there are other views")
    assert (
        post(client, {**data, "csrfmiddlewaretoken": ""}, _move=f"into-3-4-{closing}").status_code
        == 403
    )
    assert post(client, data, _move=f"into-3-4-{closing}").status_code == 200


def test_the_moves_work_without_javascript(staff_client, db):
    """Each move is a plain submit button of the preview's form; Enter still only updates."""
    page = html(read(staff_client, SEED.read_text(encoding="utf-8")))
    form = page.find("form", id="import_preview")
    assert form["method"] == "post"
    buttons = form.find_all(["button", "input"], attrs={"type": "submit"})
    # The form's first button, the one Enter presses, updates the preview.
    assert buttons[0]["name"] == "_update"
    assert [b["name"] for b in buttons if b.name == "button"] == ["_move"]
    assert not page.select("#import_preview script")


def test_the_arabic_admin_speaks_arabic_around_an_english_article(staff_client, db):
    """In /ar/, the page and the move buttons are Arabic and right to left; the article is not."""
    response = read(staff_client, SEED.read_text(encoding="utf-8"), language="ar")
    page = html(response)
    assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
    preview = preview_of(response)
    assert (preview["lang"], preview["dir"]) == ("en", "ltr")
    box = preview.select_one(".import-point-end")
    assert (box["lang"], box["dir"]) == ("ar", "rtl")
    with override("ar"):
        assert page.select_one(".import-summary h2").get_text() == gettext(
            "What the importer found"
        )
        assert page.select_one(".import-summary h2").get_text() == "ما وجدته أداة الاستيراد"
        assert list(move_buttons(response)) == [gettext("Move into point %(point)s") % {"point": 4}]
        assert page.select_one(".import-report h2").get_text() == gettext("Problems and fixes")
        fix = gettext("Suggested fix: %(fix)s") % {"fix": ""}
    assert fix.strip() in page.select_one(".import-report li.warning").get_text()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_an_author_moves_and_imports_as_themselves(make_staff, client, language):
    """An author's moved paragraph is saved in their own draft, bylined to them."""
    author = make_staff("Authors")
    client.force_login(author)
    response = read(client, SEED.read_text(encoding="utf-8"), language=language)
    data = preview_data(response)
    (move,) = move_buttons(response).values()
    moved = post(client, data, language=language, _move=move)
    assert post(client, preview_data(moved), language=language, _create="1").status_code == 302
    article = Article.objects.get()
    assert article.created_by == author
    assert list(article.authors.values_list("user", flat=True)) == [author.pk]


def test_the_preview_passes_the_nu_html_checker(staff_client, db, tmp_path):
    """The preview, with its report, body and move buttons, is valid HTML in both languages."""
    pages = {
        "en-reference": read(staff_client, SEED.read_text(encoding="utf-8")),
        "ar-reference": read(staff_client, SEED.read_text(encoding="utf-8"), language="ar"),
        "ar-journal": upload(staff_client, "journal-ar-mediterranean-migration", "ar"),
        "en-brief": upload(staff_client, "brief-en-gulf-cyber", "en"),
        "en-two-paragraphs": read(staff_client, TWO_PARAGRAPH_POINT),
    }
    assert all(move_buttons(pages[name]) for name in ("en-reference", "ar-reference", "en-brief"))
    for name, response in pages.items():
        assert response.status_code == 200, name
    contents = {name: response.content for name, response in pages.items()}
    assert nu_errors(contents, tmp_path) == []
