"""The body-text box: every body field has the marks' toolbar and help line, and its
preview is the site's own renderer, sanitised, in the field's language."""

import pytest

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from tests.admin_forms import change_url
from tests.factories import make_article, make_news
from tests.helpers import html

PREVIEW = "/{language}/admin/articles/article/preview-text/"


@pytest.mark.django_db
def test_every_body_field_of_an_article_has_the_toolbar(make_staff, login):
    article = make_article(sections=2, points=2)
    page = html(login(make_staff(EDITORS)).get(change_url(article)))
    boxes = {box.textarea["name"] for box in page.select(".body-text")}
    for code in ("ar", "en"):
        assert f"lead_{code}" in boxes
        assert f"sections-1-closing_{code}" in boxes
        assert f"sections-1-indications-1-body_{code}" in boxes
        assert f"summary_{code}" not in boxes  # a summary is plain text
    box = page.select_one(".body-text:has(textarea[name=lead_ar])")
    assert box.textarea["dir"] == "rtl" and box.select_one(".body-text__preview")["dir"] == "rtl"
    tools = [b["data-action"] for b in box.select(".body-text__tool")]
    assert tools == [
        "strong",
        "em",
        "link",
        "bullets",
        "numbers",
        "quote",
        "note",
        "figure",
        "preview",
    ]


@pytest.mark.django_db
def test_news_and_bios_have_the_toolbar_without_figures(make_staff, login):
    editor = login(make_staff(EDITORS))
    item = make_news()
    page = html(editor.get(f"/en/admin/news/newsitem/{item.pk}/change/"))
    box = page.select_one(".body-text:has(textarea[name=body_en])")
    actions = [b["data-action"] for b in box.select(".body-text__tool")]
    assert "bullets" in actions and "figure" not in actions


@pytest.mark.django_db
@pytest.mark.parametrize("role", [AUTHORS, EDITORS, TRANSLATORS])
@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_preview_renders_blocks_and_never_markup(make_staff, login, role, language):
    """Lists, quotations and notes as readers see them; typed HTML stays text."""
    text = (
        "A point with a note.[^1]\n\n- first\n- second\n\n> Quoted words\n> — A source\n\n"
        "[^1]: The note.\n\n<script>alert(1)</script> <img src=x onerror=alert(1)>"
    )
    response = login(make_staff(role)).post(
        PREVIEW.format(language=language), {"text": text, "language": language}
    )
    assert response.status_code == 200
    page = html(response)
    assert [li.get_text() for li in page.select("ul li")] == ["first", "second"]
    assert page.select_one("blockquote").get_text(strip=True) == "Quoted words"
    assert page.select_one("section.notes h2").get_text() == (
        "الهوامش" if language == "ar" else "Notes"
    )
    assert page.find("script") is None and page.find("img") is None
    assert "<script>" in page.get_text()


@pytest.mark.django_db
def test_the_preview_is_for_signed_in_staff_and_posts_only(client, make_staff, login):
    assert client.post(PREVIEW.format(language="en"), {"text": "x"}).status_code == 302
    assert login(make_staff(EDITORS)).get(PREVIEW.format(language="en")).status_code == 405
