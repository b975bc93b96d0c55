import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import override

from articles.models import Article, Status
from news.models import NewsItem
from tests.helpers import html
from tests.importing.helpers import (
    IMPORT_URL,
    analysis,
    docx_bytes,
    part_index,
    preview_data,
    preview_of,
    read,
)
from tests.seed import SEED, normalise

FIXTURES = SEED.parent / "importing"


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_import_page_is_linked_from_the_article_list(staff_client, db, language, direction):
    """Editors find “Import article” on the list of articles, in the Arabic and English admin."""
    changelist = html(staff_client.get(f"/{language}/admin/articles/article/"))
    url = IMPORT_URL.format(language=language)
    assert changelist.select_one(f'.object-tools a[href="{url}"]') is not None
    page = html(staff_client.get(url))
    assert page.html["dir"] == direction
    form = page.find("form", id="import_form")
    assert form["enctype"] == "multipart/form-data"
    assert form.find("textarea", attrs={"name": "text"}) is not None
    assert form.find("input", attrs={"name": "file", "type": "file"}) is not None


def test_import_page_needs_permission_to_add_articles(client, db, django_user_model):
    """A member of staff who may not add articles is refused; a visitor is sent to log in."""
    url = IMPORT_URL.format(language="en")
    assert client.get(url).status_code == 302
    user = django_user_model.objects.create_user("reader", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(user)
    assert client.get(url).status_code == 403
    assert client.post(url, {"text": SEED.read_text(encoding="utf-8")}).status_code == 403
    assert not Article.objects.exists()


def test_pasted_page_is_previewed_before_anything_is_saved(staff_client, db):
    """The preview shows kicker, title, date, lead, headings, points and what was left out."""
    response = read(staff_client, SEED.read_text(encoding="utf-8"))
    preview = preview_of(response)
    assert (preview["lang"], preview["dir"]) == ("en", "ltr")
    assert preview.select_one(".import-preview__kicker").get_text() == "Overlapping Goals"
    assert preview.h3.get_text() == "Why AQIM is Interested in Syria"
    assert preview.time["datetime"] == "2018-04-04"
    assert [h.get_text() for h in preview.find_all("h4")] == [
        "Continued Escalation",
        "Significant Timing",
        "Various Indications",
    ]
    assert [li.strong.get_text() for li in preview.select("ol > li")] == [
        "Defying International Efforts.",
        "Sending out Implicit Messages",
        "Reducing Pressure.",
        "Supporting al-Qaeda’s Survival in Syria",
    ]
    left_out = html(response).select(".import-left-out li")
    assert len(left_out) == 6 and "أخبار المركز" in left_out[0].get_text()
    assert not Article.objects.exists()


def test_editor_creates_the_draft_from_the_preview(staff_client, admin_user, db):
    """“Create the draft” saves the article as a draft by the editor and opens its page."""
    data = preview_data(read(staff_client, SEED.read_text(encoding="utf-8")))
    response = staff_client.post(IMPORT_URL.format(language="en"), {**data, "_create": "1"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/admin/articles/article/{article.pk}/change/"
    assert (article.status, article.original_language) == (Status.DRAFT, "en")
    assert article.created_by == admin_user
    assert article.sections.count() == 3
    assert not NewsItem.objects.exists()


def test_editor_corrects_misread_parts_in_the_preview(staff_client, db):
    """Turning a paragraph into a heading and moving a lead phrase's end change the article."""
    data = preview_data(read(staff_client, SEED.read_text(encoding="utf-8")))
    second_lead = part_index(data, "Additionally, this also indicates")
    data[f"parts-{second_lead}-role"] = "heading"
    data[f"parts-{second_lead}-text"] = "A Heading Made in the Preview"
    point = part_index(data, "that AQIM was able")
    data[f"parts-{point}-lead"] = "Sending out Implicit Messages that AQIM"
    data[f"parts-{point}-text"] = data[f"parts-{point}-text"].removeprefix("that AQIM ")

    updated = staff_client.post(IMPORT_URL.format(language="en"), {**data, "_update": "1"})
    preview = preview_of(updated)
    assert preview.find("h4").get_text() == "A Heading Made in the Preview"
    assert not Article.objects.exists()

    staff_client.post(IMPORT_URL.format(language="en"), {**preview_data(updated), "_create": "1"})
    article = Article.objects.get()
    with override("en"):
        assert len(article.lead_paragraphs()) == 1
        sections = list(article.sections.all())
        assert sections[0].heading == "A Heading Made in the Preview"
        points = list(sections[-1].indications.all())
        assert points[1].title == "Sending out Implicit Messages that AQIM"
        assert points[1].body.startswith("was able to support")


def test_paragraph_made_a_point_gets_its_lead_phrase_found(staff_client, db):
    """A paragraph turned into a numbered point is split into lead phrase and text."""
    data = preview_data(read(staff_client, SEED.read_text(encoding="utf-8")))
    closing = part_index(data, "Despite this, there are other views")
    data[f"parts-{closing}-role"] = "point"
    data[f"parts-{closing}-text"] = "Other Views. " + data[f"parts-{closing}-text"]
    updated = staff_client.post(IMPORT_URL.format(language="en"), {**data, "_update": "1"})
    points = preview_of(updated).select("ol > li")
    assert len(points) == 5
    assert normalise(points[-1].get_text(" ")).startswith("5- Other Views. Despite this")
    assert html(updated).find("input", attrs={"name": f"parts-{closing}-lead"})["value"] == (
        "Other Views."
    )


def test_word_file_is_previewed_with_its_bold_lead_phrases(staff_client, db):
    """An uploaded .docx is read like the pasted text: headings by style, bold lead phrases."""
    upload = SimpleUploadedFile("analysis.docx", docx_bytes(analysis()))
    preview = preview_of(read(staff_client, file=upload))
    assert preview.h3.get_text() == "Why AQIM is Interested in Syria"
    assert [li.strong.get_text() for li in preview.select("ol > li")] == [
        "Defying International Efforts.",
        "Sending out Implicit Messages",
        "Reducing Pressure.",
    ]


def english_draft(client):
    data = preview_data(read(client, SEED.read_text(encoding="utf-8")))
    client.post(IMPORT_URL.format(language="en"), {**data, "_create": "1"})
    return Article.objects.get()


def test_text_is_added_as_the_other_language_part_by_part(staff_client, db):
    """The Arabic text of an English article fills its Arabic fields, section by section."""
    article = english_draft(staff_client)
    arabic = (FIXTURES / "why-aqim-ar.txt").read_text(encoding="utf-8")
    response = read(staff_client, arabic, language="ar", translation_of=str(article.pk))
    assert preview_of(response)["dir"] == "rtl"
    assert not html(response).select(".messagelist .error")
    data = preview_data(response)
    created = staff_client.post(IMPORT_URL.format(language="ar"), {**data, "_create": "1"})
    assert created["Location"] == f"/ar/admin/articles/article/{article.pk}/change/"
    article.refresh_from_db()
    assert Article.objects.count() == 1
    assert article.title_ar.startswith("لماذا يهتم")
    assert article.title_en == "Why AQIM is Interested in Syria"
    assert not article.language_published_ar
    sections = list(article.sections.all())
    assert [s.heading_ar for s in sections] == ["تصعيد مستمر", "توقيت لافت", "دلالات عديدة"]
    points = list(sections[2].indications.all())
    assert [p.title_ar for p in points][2] == "تقليص الضغوط:"
    assert [p.title_en for p in points][2] == "Reducing Pressure."


@override("en")
def test_translation_that_does_not_match_changes_nothing(staff_client, db):
    """A text with a point less than the article is shown as not matching and is not saved."""
    article = english_draft(staff_client)
    arabic = (FIXTURES / "why-aqim-ar.txt").read_text(encoding="utf-8")
    arabic = arabic.replace("\n\n4- ", "\n\n", 1)
    response = read(staff_client, arabic, translation_of=str(article.pk))
    problems = [li.get_text() for li in html(response).select(".messagelist .error")]
    assert any("0, 0, 4" in p and "0, 0, 3" in p for p in problems)
    again = staff_client.post(
        IMPORT_URL.format(language="en"), {**preview_data(response), "_create": "1"}
    )
    assert again.status_code == 200
    assert html(again).select(".errorlist.nonfield")
    article.refresh_from_db()
    assert not article.title_ar


def test_adding_a_language_needs_permission_to_change_the_article(client, db, django_user_model):
    """Who may add articles but not change this one cannot add its other language."""
    article = Article.objects.create(slug="theirs", title_en="Theirs", lead_en="Lead.")
    user = django_user_model.objects.create_user("author", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_article", "view_article"])
    )
    client.force_login(user)
    arabic = (FIXTURES / "why-aqim-ar.txt").read_text(encoding="utf-8")
    response = read(client, arabic, translation_of=str(article.pk))
    assert response.status_code == 200
    assert html(response).find("form", id="import_form").select(".errorlist")
    article.refresh_from_db()
    assert not article.title_ar


def test_center_news_lines_can_become_draft_news_items(staff_client, db):
    """Ticking the offer adds the center-news lines as draft news items, once each."""
    response = read(staff_client, SEED.read_text(encoding="utf-8"))
    data = preview_data(response)
    assert "create_news" not in data
    staff_client.post(
        IMPORT_URL.format(language="en"), {**data, "create_news": "on", "_create": "1"}
    )
    items = list(NewsItem.objects.order_by("pk"))
    assert len(items) == 5
    assert all(item.status == Status.DRAFT for item in items)
    assert items[0].headline_ar.startswith("معالي نبيل فهمي يكتب")
