"""
Comparing two versions of an article reads as the article is written: body text block by
block (a list keeps its items, a quotation its lines, a note its label), sections and
points followed by id (a move is one row, not text rewritten), everything named in the
admin's language and nothing the editor typed read as markup. A revert brings lists,
quotations and notes back as they were.
"""

import pytest
import reversion
from django.db.models import F
from reversion.models import Version

from accounts.roles import EDITORS
from articles.models import Article, Indication, Section
from tests.admin_forms import change_url, form_data, save
from tests.factories import make_article
from tests.helpers import html


@pytest.fixture
def editor(db, make_staff, login):
    return login(make_staff(EDITORS))


def keep(article):
    """Keep a version of the article as it now is, with its sections and points."""
    with reversion.create_revision():
        Article.objects.get(pk=article.pk).save()


def sections_of(article):
    return list(Section.objects.filter(article=article).order_by("position"))


def compare_page(client, article, language="en"):
    """The compare page of the article's first and last versions."""
    versions = Version.objects.get_for_object(article).order_by("pk")
    return html(
        client.get(
            f"/{language}/admin/articles/article/{article.pk}/history/compare/",
            {"from": versions.first().pk, "to": versions.last().pk},
        )
    )


def rows(page):
    """The compare table's rows as (label, cell): cell is None for what happened to a part."""
    return [
        (row.th.get_text(" ", strip=True), row.td) for row in page.select(".version-diff tbody tr")
    ]


def cell(page, label):
    found = [td for text, td in rows(page) if text == label]
    assert len(found) == 1, [text for text, _td in rows(page)]
    return found[0]


def events(page):
    return [text for text, td in rows(page) if td is None]


def texts(tags):
    return [tag.get_text(" ", strip=True) for tag in tags]


def edit(article, **fields):
    """Change the article's own fields and keep the second version."""
    keep(article)
    Article.objects.filter(pk=article.pk).update(**fields)
    keep(article)


def test_an_added_list_item_shows_as_one_added_line(editor):
    """A bulleted item added is its own list item, inserted whole; the others are unchanged."""
    article = make_article(lead_en="Intro.\n\n- one\n- two")
    edit(article, lead_en="Intro.\n\n- one\n- two\n- three")
    lead = cell(compare_page(editor, article), "lead [English]")
    assert texts(lead.select("ul > li")) == ["one", "two", "three"]
    added = lead.select("ul > li")[-1]
    assert [child.name for child in added.children] == ["ins"]
    assert added.ins.get_text() == "three"
    assert not lead.select("p ins, p del, li:not(:last-child) ins")
    assert texts(lead.select("p")) == ["Intro."]


def test_a_numbered_list_keeps_its_numbers(editor):
    """A removed item of a numbered list is struck through under its own number."""
    article = make_article(lead_en="3. third\n4. fourth\n5. fifth")
    edit(article, lead_en="3. third\n4. fifth")
    lead = cell(compare_page(editor, article), "lead [English]")
    items = lead.select("ol > li")
    assert [(li["value"], li.get_text()) for li in items] == [
        ("3", "third"),
        ("4", "fourth"),
        ("4", "fifth"),
    ]
    assert items[1].find("del").get_text() == "fourth"
    assert not items[2].select("ins, del")


def test_an_edited_quotation_is_a_word_diff_inside_the_quotation(editor):
    """Words changed in a quotation are marked inside it; its source line stays as written."""
    article = make_article(sections=1)
    quotation = "Before.\n\n> Words quoted here\n>\n> and more\n> — A. Speaker"
    Section.objects.filter(article=article).update(body_en=quotation)
    keep(article)
    Section.objects.filter(article=article).update(body_en=quotation.replace("here", "there"))
    keep(article)

    page = compare_page(editor, article)
    body = cell(page, "Section 1: text [English]")
    quote = body.blockquote
    assert quote is not None
    assert texts(quote.select("p")) == ["Words quoted here there", "and more", "— A. Speaker"]
    assert quote.find("del").get_text() == "here"
    assert quote.ins.get_text() == "there"
    assert not body.select("ins.block, del.block")
    assert not quote.select_one(".quote-source").select("ins, del")


def test_a_changed_note_shows_its_label_and_the_words_changed(editor):
    """A note's new text is a word diff after "Note [^a]:"; a note added is shown whole."""
    article = make_article(lead_en="Text[^a][^c].\n\n[^a]: First source, page 4.\n\n[^c]: Old.")
    edit(
        article,
        lead_en=(
            "Text[^a][^c] and more[^b].\n\n[^a]: First source, page 5.\n\n"
            "[^c]: Rewritten.\n\n[^b]: A second one."
        ),
    )
    lead = cell(compare_page(editor, article), "lead [English]")
    changed, rewritten, added = lead.select("p.note")
    assert changed.select_one(".note-label").get_text() == "Note [^a]:"
    assert (changed.find("del").get_text(), changed.ins.get_text()) == ("4", "5")
    assert rewritten.get_text(" ", strip=True) == "Note [^c]: Old Rewritten ."
    assert (rewritten.find("del").get_text(), rewritten.ins.get_text()) == ("Old", "Rewritten")
    assert added.find_parent("ins") is not None
    assert added.get_text(" ", strip=True) == "Note [^b]: A second one."


def test_swapping_two_sections_shows_one_move_and_no_changed_text(editor):
    """Sections swapped in the change form: one "moved" row, and neither's text shown as changed."""
    article = make_article(sections=2, points=1)
    assert save(editor, article, {}).status_code == 302
    data = form_data(editor.get(change_url(article)), "article_form")
    data["sections-0-position"], data["sections-1-position"] = "1", "0"
    assert editor.post(change_url(article), {**data, "_save": "Save"}).status_code == 302

    page = compare_page(editor, article)
    assert rows(page) == [("Section 2 moved to position 1", None)]
    table = page.select_one(".version-diff")
    assert not table.select("ins, del")
    assert "Heading" not in table.get_text()


def test_a_moved_section_is_compared_with_its_own_old_text(editor):
    """A section moved to the top and edited: its text is diffed against its own old text."""
    article = make_article(sections=3)
    keep(article)
    first, second, third = sections_of(article)
    Section.objects.filter(pk=third.pk).update(position=0, body_en="Section 2 text en. More.")
    Section.objects.filter(pk=first.pk).update(position=1)
    Section.objects.filter(pk=second.pk).update(position=2)
    keep(article)

    page = compare_page(editor, article)
    assert events(page) == ["Section 3 moved to position 1"]
    body = cell(page, "Section 1: text [English]")
    assert body.find("del") is None
    assert body.ins.get_text() == "More."
    assert [text for text, _td in rows(page)] == [
        "Section 3 moved to position 1",
        "Section 1: text [English]",
    ]


def test_a_point_moved_to_another_section(editor):
    """A point moved from section 1 to the top of section 3 is one row, its text unchanged."""
    article = make_article(sections=3, points=2)
    keep(article)
    first, _second, third = sections_of(article)
    moving = Indication.objects.get(section=first, position=1)
    for point in Indication.objects.filter(section=third).order_by("-position"):
        Indication.objects.filter(pk=point.pk).update(position=point.position + 1)
    Indication.objects.filter(pk=moving.pk).update(section=third, position=0)
    keep(article)

    page = compare_page(editor, article)
    assert rows(page) == [("Point 2 of section 1 moved to section 3, position 1", None)]


def test_sections_are_named_as_the_article_now_stands(editor):
    """Sections swapped and a point moved between them: the point's sections are named by
    their numbers in the newer version, as the labels of the rows below name them."""
    article = make_article(sections=2, points=2)
    keep(article)
    first, second = sections_of(article)
    Section.objects.filter(pk=first.pk).update(position=1)
    Section.objects.filter(pk=second.pk).update(position=0)
    moving = Indication.objects.get(section=first, position=1)
    Indication.objects.filter(pk=moving.pk).update(section=second, position=2, body_en="New.")
    keep(article)

    page = compare_page(editor, article)
    assert events(page) == [
        "Section 2 moved to position 1",
        "Point 2 of section 2 moved to section 1, position 3",
    ]
    assert cell(page, "Section 1, point 3: text [English]").ins.get_text() == "New."


def test_a_point_moved_within_its_section(editor):
    """Points of one section exchanged: one move, within the section."""
    article = make_article(sections=2, points=3)
    keep(article)
    section = sections_of(article)[1]
    last = Indication.objects.get(section=section, position=2)
    Indication.objects.filter(section=section).exclude(pk=last.pk).update(
        position=F("position") + 1
    )
    Indication.objects.filter(pk=last.pk).update(position=0)
    keep(article)

    page = compare_page(editor, article)
    assert rows(page) == [("Point 3 of section 2 moved to position 1", None)]


def test_sections_added_and_removed_show_with_their_text(editor):
    """A section removed and one added are named as such, with their text struck or added,
    and the sections after the removed one are not "moved"."""
    article = make_article(sections=3, points=1)
    keep(article)
    removed = sections_of(article)[1]
    removed.delete()
    Section.objects.create(article=article, position=5, heading_en="A new part", body_en="New.")
    keep(article)

    page = compare_page(editor, article)
    assert events(page) == ["Section 2 removed", "Section 3 added"]
    labels = [text for text, _td in rows(page)]
    after_removal = labels[labels.index("Section 2 removed") + 1 :]
    assert after_removal[0] == "Section 2: heading [Arabic]"
    heading = cell(page, "Section 2: heading [English]")
    assert heading.find("del").get_text() == "Heading 1 en"
    assert cell(page, "Section 2, point 1: lead phrase [English]").find("del").get_text() == (
        "Point 1.0 en."
    )
    assert cell(page, "Section 3: heading [English]").ins.get_text() == "A new part"
    assert cell(page, "Section 3: text [English]").select_one("ins.block").get_text() == "New."


def test_the_compare_page_reads_in_arabic_in_the_arabic_admin(editor):
    """In /ar/ the move and every label are in Arabic, and each text cell has its language's
    direction."""
    article = make_article(sections=2)
    keep(article)
    first, second = sections_of(article)
    Section.objects.filter(pk=first.pk).update(position=1)
    Section.objects.filter(pk=second.pk).update(position=0, heading_ar="عنوان جديد")
    Section.objects.filter(pk=first.pk).update(body_en="Section 0 text en. More.")
    keep(article)

    page = compare_page(editor, article, "ar")
    assert events(page) == ["نُقل القسم 2 إلى الترتيب 1"]
    heading = cell(page, "القسم 1: عنوان القسم [العربية]")
    assert (heading["lang"], heading["dir"]) == ("ar", "rtl")
    assert heading.ins.get_text() == "عنوان جديد"
    body = cell(page, "القسم 2: النص [الإنجليزية]")
    assert (body["lang"], body["dir"]) == ("en", "ltr")
    table = page.select_one(".version-diff")
    for tag in table.select("[lang=en]"):
        tag.decompose()
    interface = table.get_text(" ", strip=True)
    for english in ("Section", "moved", "position", "English", "Arabic", "text"):
        assert english not in interface


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_text_is_shown_as_typed(editor):
    """Markup typed in any field or block (paragraph, list, quotation, note) is text."""
    article = make_article(sections=1)
    keep(article)
    Article.objects.filter(pk=article.pk).update(
        title_en=HOSTILE,
        lead_en=(f"{HOSTILE}\n\n- {HOSTILE}\n- b\n\n> {HOSTILE}\n> — {HOSTILE}\n\n[^a]: {HOSTILE}"),
    )
    Section.objects.filter(article=article).update(heading_en=HOSTILE, body_en=f"1. {HOSTILE}")
    keep(article)

    page = compare_page(editor, article)
    table = page.select_one(".version-diff")
    assert not table.select("script, img")
    assert not any(
        attribute.startswith("on") for tag in table.find_all() for attribute in tag.attrs
    )
    assert HOSTILE in cell(page, "title [English]").get_text()
    lead = cell(page, "lead [English]")
    assert lead.get_text().count('<script>alert("x")</script>') == 5


# Reverting.


LEAD = "The lead cites a source[^a].\n\n- first item\n- second item\n- third item"
BODY = (
    "> A quoted line\n> — A. Speaker\n\n"
    "The body cites another source[^b].\n\n"
    "[^a]: The first note.\n\n"
    "[^b]: The second note."
)


def public_article(client, article):
    return html(client.get(Article.objects.get(pk=article.pk).url_in("en"))).select_one(
        "article.article"
    )


def test_reverting_brings_back_lists_quotations_and_notes(editor):
    """Edited (item removed, note changed, sections swapped), then reverted: the page reads
    exactly as before, notes numbered the same and the list whole."""
    article = make_article(sections=2, points=1)
    response = save(editor, article, {"lead_en": LEAD, "sections-0-body_en": BODY})
    assert response.status_code == 302
    first = Version.objects.get_for_object(article).order_by("pk").last()
    before = public_article(editor, article)
    assert texts(before.select("ul > li")) == ["first item", "second item", "third item"]
    assert texts(before.select(".notes li")) == ["The first note. ↩", "The second note. ↩"]

    data = form_data(editor.get(change_url(article)), "article_form")
    data.update(
        {
            "lead_en": LEAD.replace("- second item\n", ""),
            "sections-0-body_en": BODY.replace("The second note.", "A changed note."),
            "sections-0-position": "1",
            "sections-1-position": "0",
        }
    )
    assert editor.post(change_url(article), {**data, "_save": "Save"}).status_code == 302
    edited = public_article(editor, article)
    assert texts(edited.select("ul > li")) == ["first item", "third item"]
    assert str(edited) != str(before)

    page = compare_page(editor, article)
    assert "Section 2 moved to position 1" in events(page)
    assert cell(page, "lead [English]").select_one("li > del").get_text() == "second item"

    url = f"/en/admin/articles/article/{article.pk}/history/{first.pk}/"
    data = form_data(editor.get(url), "article_form")
    response = editor.post(url, {**data, "_save": "Save"})
    assert response.status_code == 302, html(response).select(".errorlist")
    after = public_article(editor, article)
    assert str(after) == str(before)
    assert texts(after.select(".notes li")) == ["The first note. ↩", "The second note. ↩"]
    assert texts(after.select("sup.note-ref")) == ["1", "2"]


def test_figures_are_followed_like_sections(editor, media_root):
    """A figure moved and recaptioned: one move row, and its caption diffed with its own."""
    from articles.models import Figure
    from tests.factories import make_figure

    article = make_article(sections=1)
    first, second = make_figure(article, "1"), make_figure(article, "map")
    keep(article)
    Figure.objects.filter(pk=first.pk).update(position=1)
    Figure.objects.filter(pk=second.pk).update(position=0, caption_en="The map of the ports")
    keep(article)
    page = compare_page(editor, article)
    assert events(page) == ["Figure 2 moved to position 1"]
    caption = cell(page, "Figure 1: image caption [English]")
    assert "The map" in texts(caption.select("ins"))
    assert "Caption" in " ".join(texts(caption.select("del")))
