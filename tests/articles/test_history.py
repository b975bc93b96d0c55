import pytest
from reversion.models import Version

from accounts.roles import EDITORS
from articles.models import Article
from tests.admin_forms import change_url, form_data, save
from tests.factories import make_article
from tests.helpers import html


def structure(article):
    """Everything an article's page shows of its sections and points, in both languages."""
    return [
        (
            section.heading_ar,
            section.heading_en,
            section.body_en,
            section.closing_en,
            [(p.title_ar, p.title_en, p.body_ar, p.body_en) for p in section.indications.all()],
        )
        for section in Article.objects.get(pk=article.pk).sections.all()
    ]


def revise(editor, article):
    """Second version: a point rewritten, another section added, the first point deleted."""
    data = form_data(editor.get(change_url(article)), "article_form")
    data.update(
        {
            "title_en": "Second title",
            "sections-0-indications-1-body_en": "Rewritten point.",
            "sections-0-indications-0-DELETE": "on",
            "sections-TOTAL_FORMS": "2",
            "sections-1-position": "1",
            "sections-1-article": str(article.pk),
            "sections-1-heading_en": "Added later",
            "sections-1-indications-TOTAL_FORMS": "0",
            "sections-1-indications-INITIAL_FORMS": "0",
            "_save": "Save",
        }
    )
    response = editor.post(change_url(article), data)
    assert response.status_code == 302, html(response).select(".errorlist")


def test_reverting_restores_sections_and_points_exactly(db, make_staff, login):
    editor = login(make_staff(EDITORS, first_name="Nabil", last_name="Fahmy"))
    article = make_article(sections=1, points=2)
    assert save(editor, article, {}).status_code == 302  # first version, as it was
    before = structure(article)
    revise(editor, article)
    assert structure(article) != before

    first = Version.objects.get_for_object(article).order_by("pk").first()
    history = html(editor.get(f"/en/admin/articles/article/{article.pk}/history/"))
    assert "Nabil Fahmy" in history.select_one("#change-history").get_text()
    url = f"/en/admin/articles/article/{article.pk}/history/{first.pk}/"
    data = form_data(editor.get(url), "article_form")
    response = editor.post(url, {**data, "_save": "Save"})
    assert response.status_code == 302, html(response).select(".errorlist")
    assert structure(article) == before
    assert Article.objects.get(pk=article.pk).title_en == article.title_en


def test_comparing_two_versions_shows_what_changed(db, make_staff, login):
    editor = login(make_staff(EDITORS))
    article = make_article(sections=1, points=2)
    save(editor, article, {})
    revise(editor, article)
    older, newer = Version.objects.get_for_object(article).order_by("pk")
    page = html(
        editor.get(
            f"/en/admin/articles/article/{article.pk}/history/compare/",
            {"from": older.pk, "to": newer.pk},
        )
    )
    rows = {row.th.get_text(): row.td for row in page.select(".version-diff tbody tr") if row.td}
    assert rows["title [English]"].ins.get_text() == "Second title"
    assert rows["title [English]"].find("del").get_text() == article.title_en
    assert any("Added later" in cell.get_text() for cell in rows.values())


def test_compare_refuses_versions_of_another_article(db, make_staff, login):
    editor = login(make_staff(EDITORS))
    article, other = make_article(), make_article()
    save(editor, article, {})
    save(editor, other, {})
    foreign = Version.objects.get_for_object(other).get()
    own = Version.objects.get_for_object(article).get()
    url = f"/en/admin/articles/article/{article.pk}/history/compare/"
    assert editor.get(url, {"from": own.pk, "to": foreign.pk}).status_code == 404
    assert editor.get(url, {"from": "x", "to": own.pk}).status_code == 404


def test_editor_recovers_a_deleted_article_with_its_sections_and_points(db, make_staff, login):
    editor = login(make_staff(EDITORS))
    article = make_article(sections=2, points=2)
    save(editor, article, {})
    before = structure(article)
    editor.post(f"/en/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    assert not Article.objects.filter(pk=article.pk).exists()

    recover_list = html(editor.get("/en/admin/articles/article/recover/"))
    assert (
        article.title_ar in recover_list.get_text() or article.title_en in recover_list.get_text()
    )
    deleted = Version.objects.get_deleted(Article).get()
    url = f"/en/admin/articles/article/recover/{deleted.pk}/"
    data = form_data(editor.get(url), "article_form")
    response = editor.post(url, {**data, "_save": "Save"})
    assert response.status_code == 302, html(response).select(".errorlist")
    assert structure(article) == before


@pytest.mark.parametrize(("saved_in", "read_in"), [("ar", "en"), ("en", "ar")])
def test_history_reads_in_the_readers_language(db, make_staff, login, saved_in, read_in):
    """A change saved in one admin, and a bulk publish, read in the other admin's language."""
    editor = login(make_staff(EDITORS))
    article = make_article(status="draft")
    data = form_data(editor.get(change_url(article, saved_in)), "article_form")
    data.update({"kicker_en": "A new kicker", "_save": "Save"})
    assert editor.post(change_url(article, saved_in), data).status_code == 302
    editor.post(
        f"/{saved_in}/admin/articles/article/",
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )
    history = html(editor.get(f"/{read_in}/admin/articles/article/{article.pk}/history/"))
    text = history.select_one("#change-history").get_text(" ", strip=True)
    if read_in == "en":
        assert "Changed kicker [English]." in text
        assert "Published." in text
    else:
        assert "غُيِّر العنوان التمهيدي [الإنجليزية]." in text
        assert "نُشر." in text
        assert "kicker" not in text.lower() and "[English]" not in text
