from accounts.roles import EDITORS
from articles.models import Article
from tests.admin_forms import change_url, form_data
from tests.factories import make_article
from tests.helpers import html


def test_second_save_over_a_newer_version_is_refused_and_keeps_its_text(db, make_staff, login):
    """Two people open the article; the first saves; the second is told who and when,
    nothing of the first is overwritten, and the second's text is still in the form."""
    article = make_article(sections=1, points=1)
    first = login(make_staff(EDITORS, first_name="Nabil", last_name="Fahmy"))
    second = login(make_staff(EDITORS, first_name="Sara", last_name="Salem"))
    first_form = form_data(first.get(change_url(article)), "article_form")
    second_form = form_data(second.get(change_url(article)), "article_form")

    first_form.update(title_en="The first editor's title", _save="Save")
    assert first.post(change_url(article), first_form).status_code == 302

    second_form.update(
        {
            "title_en": "The second editor's title",
            "sections-0-indications-0-body_en": "The second editor's point.",
            "_save": "Save",
        }
    )
    response = second.post(change_url(article), second_form)
    assert response.status_code == 200
    page = html(response)
    message = page.select_one(".errornote + ul.errorlist, ul.errorlist.nonfield").get_text()
    assert "Nabil Fahmy" in message
    assert "after you opened it" in message
    assert page.find(attrs={"name": "title_en"})["value"] == "The second editor's title"
    point = page.find(attrs={"name": "sections-0-indications-0-body_en"}).get_text()
    assert point.strip() == "The second editor's point."

    article = Article.objects.get(pk=article.pk)
    assert article.title_en == "The first editor's title"
    assert article.sections.get().indications.get().body_en != "The second editor's point."


def test_saving_twice_in_a_row_from_fresh_pages_works(db, make_staff, login):
    """The check only refuses stale forms: reopening the page lets the second save through."""
    article = make_article()
    editor = login(make_staff(EDITORS))
    for title in ("One", "Two"):
        data = form_data(editor.get(change_url(article)), "article_form")
        data.update(title_en=title, _save="Save")
        assert editor.post(change_url(article), data).status_code == 302
    assert Article.objects.get(pk=article.pk).title_en == "Two"
