"""
Search finds what articles, authors and news say now, however they were changed.

Documents are rebuilt when the change commits, so these tests commit for real
(`transactional_db`) rather than inside a test's transaction, which never does.
"""

import io
import json

from django.core.management import call_command
from reversion.models import Version

from accounts.roles import EDITORS
from articles.models import Article, Indication, Section
from search.documents import documents_changed
from tests.admin_forms import change_url, form_data, save
from tests.factories import make_article, make_author, make_news
from tests.helpers import html
from tests.importing.helpers import IMPORT_URL, preview_data, read
from tests.search.helpers import add_section, found, search
from tests.seed import SEED


def test_admin_save_of_a_section_updates_search(staff_client, transactional_db):
    """Text an editor changes in a section through the admin is found, the old text is not."""
    article = make_article()
    add_section(article, "en", body="An introduction.", point_body="Obsoleteword")
    response = save(
        staff_client,
        article,
        {
            "sections-0-body_ar": "تحليل عن الاستراتيجية البحرية.",
            "sections-0-indications-0-body_en": "A point about maritime strategy.",
        },
    )
    assert response.status_code == 302
    assert found(search(staff_client, "الاستراتيجيه")) == [article.url_in("ar")]
    assert found(search(staff_client, "maritime", "en")) == [article.url_in("en")]
    assert found(search(staff_client, "obsoleteword", "en")) == []


def test_admin_save_of_a_new_author_in_the_byline_updates_search(staff_client, transactional_db):
    """An author added to the byline through the admin makes the article findable by name."""
    article = make_article()
    author = make_author(name_en="Hamdy Abdelrahman")
    response = save(
        staff_client,
        article,
        {
            "authorship_set-TOTAL_FORMS": "1",
            "authorship_set-0-position": "0",
            "authorship_set-0-author": str(author.pk),
            "authorship_set-0-article": str(article.pk),
        },
    )
    assert response.status_code == 302
    assert article.url_in("en") in found(search(staff_client, "abdelrahman", "en"))


def test_renaming_an_author_updates_their_articles(client, transactional_db):
    """Articles are found by their authors' current names."""
    author = make_author(name_en="Old Name")
    article = make_article(authors=[author])
    author.name_en = "Zeinab Hassan"
    author.save()
    author_page = f"/en/authors/{author.slug}/"
    assert found(search(client, "zeinab", "en")) == [author_page, article.url_in("en")]
    assert found(search(client, "old", "en")) == []


def test_adding_an_author_with_add_updates_the_article(client, transactional_db):
    """`article.authors.add()` (which sends no post_save) still reaches the document."""
    article = make_article()
    article.authors.add(make_author(name_en="Layla Mansour"))
    make_author(name_en="Omar Said").articles.add(article)
    assert article.url_in("en") in found(search(client, "mansour", "en"))
    assert article.url_in("en") in found(search(client, "said", "en"))
    article.authors.clear()
    assert found(search(client, "mansour", "en")) == []


def test_deleting_a_section_or_point_removes_its_words(client, transactional_db):
    """Words of a deleted section or point are no longer found."""
    article = make_article(languages=("en",))
    kept = add_section(article, "en", body="Kept", point_body="Pointless")
    gone = add_section(article, "en", body="Vanished")
    gone.delete()
    Indication.objects.filter(section=kept).delete()
    assert found(search(client, "vanished", "en")) == []
    assert found(search(client, "pointless", "en")) == []
    assert found(search(client, "kept", "en")) == [article.url_in("en")]


def test_deleting_an_article_deletes_it_from_search(client, transactional_db):
    """A deleted article, with its sections and points, leaves search without an error."""
    article = make_article(languages=("en",), title_en="Sahel")
    add_section(article, "en", body="Sahel")
    article.delete()
    assert found(search(client, "sahel", "en")) == []
    assert not Article.objects.exists()


def test_editing_news_updates_search(client, transactional_db):
    """A news item is found by its current headline and text."""
    item = make_news(headline_en="Issue 3 is out", link="https://example.org/issue-3")
    item.body_en = "The quarterly covers the Horn of Africa."
    item.save()
    assert found(search(client, "quarterly", "en")) == [f"/en/news/{item.pk}/"]


def test_text_written_in_bulk_is_found_once_its_writer_says_so(client, transactional_db):
    """Points written with bulk_create() (no signal) are found after documents_changed()."""
    article = make_article(languages=("en",))
    section = Section.objects.create(article=article, position=0)
    Indication.objects.bulk_create([Indication(section=section, position=0, body_en="Bulkword")])
    assert found(search(client, "bulkword", "en")) == []
    documents_changed(Article, [article.pk])
    assert found(search(client, "bulkword", "en")) == [article.url_in("en")]


# Every way an article is written leaves its document complete: the word below is only in
# the last point of the seed's last section, the last row an import writes.
LAST_POINT_WORD = "defections"


def admin_search(client, word):
    """The change pages the admin's list of articles links to for a search of `word`."""
    page = html(client.get("/en/admin/articles/article/", {"q": word}))
    return [a["href"].split("?")[0] for a in page.select("#result_list tbody th a")]


def test_an_article_imported_on_the_admin_page_is_found_by_its_last_point(
    transactional_db, make_staff, login
):
    """A draft created on the import page is found by the admin's search by its last word."""
    editor = login(make_staff(EDITORS))
    data = preview_data(read(editor, SEED.read_text(encoding="utf-8")))
    response = editor.post(IMPORT_URL.format(language="en"), {**data, "_create": "1"})
    assert response.status_code == 302
    article = Article.objects.get()
    assert LAST_POINT_WORD in article.sections.last().indications.last().body_en
    assert admin_search(editor, LAST_POINT_WORD) == [change_url(article)]


def test_an_article_imported_by_the_command_is_found_by_its_last_point(
    transactional_db, make_staff, login
):
    """`manage.py import_article --as-draft` leaves a draft the admin's search finds."""
    call_command("import_article", str(SEED), "--as-draft", stdout=io.StringIO())
    article = Article.objects.get()
    editor = login(make_staff(EDITORS))
    assert admin_search(editor, LAST_POINT_WORD) == [change_url(article)]
    assert admin_search(editor, "Droukdel") == [change_url(article)]


def test_an_article_loaded_from_a_fixture_is_found(client, transactional_db, tmp_path):
    """An article `loaddata` writes raw, points before their section, is found by its last point."""
    moment = "2024-03-01T09:00:00Z"
    rows = [
        {
            "model": "articles.article",
            "pk": 701,
            "fields": {
                "slug": "loaded-analysis",
                "status": "published",
                "published_at": moment,
                "language_published_en": True,
                "original_language": "en",
                "title_en": "An analysis loaded from a fixture",
                "lead_en": "Its lead.",
                "created_at": moment,
                "updated_at": moment,
            },
        },
        *(
            {
                "model": "articles.indication",
                "pk": 900 + number,
                "fields": {"section": 802, "position": number, "body_en": text},
            }
            for number, text in enumerate(["A first point.", "A last point about quarries."])
        ),
        *(
            {
                "model": "articles.section",
                "pk": 800 + number,
                "fields": {"article": 701, "position": number, "heading_en": heading},
            }
            for number, heading in enumerate(["Opening", "Closing"], start=1)
        ),
    ]
    fixture = tmp_path / "analysis.json"
    fixture.write_text(json.dumps(rows))
    call_command("loaddata", str(fixture), stdout=io.StringIO())
    assert found(search(client, "quarries", "en")) == ["/en/articles/loaded-analysis/"]


def test_a_recovered_article_is_found_by_its_last_point(transactional_db, make_staff, login):
    """Recovering a deleted article from its history in the admin makes it findable again."""
    editor = login(make_staff(EDITORS))
    article = make_article(sections=2, points=2)
    point = article.sections.last().indications.last()
    point.body_en = "Mentions the Tibesti mountains."
    point.save()
    save(editor, article, {})  # the version to recover
    editor.post(f"/en/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    assert admin_search(editor, "tibesti") == []

    url = f"/en/admin/articles/article/recover/{Version.objects.get_deleted(Article).get().pk}/"
    response = editor.post(url, {**form_data(editor.get(url), "article_form"), "_save": "Save"})
    assert response.status_code == 302
    assert admin_search(editor, "tibesti") == [change_url(article)]
