"""
The side doors of the article admin (history restore, recover, import, announce) let each
role do exactly what its own change form lets it do, forged posts included.
"""

import pytest
from django.test import Client
from reversion.models import Version

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from articles.admin import author_record_for
from articles.models import Article, Section, Status
from core.change_messages import describe
from news.models import NewsItem
from tests.admin_forms import change_url, form_data, save
from tests.factories import make_article
from tests.helpers import html
from tests.importing.helpers import IMPORT_URL, preview_data, read
from tests.seed import SEED

OWN_AUTHOR = "own author"


@pytest.fixture
def people(db, make_staff):
    """Signed-in clients for an editor, an author (bylined on the article) and a translator."""
    users = {
        EDITORS: make_staff(EDITORS),
        OWN_AUTHOR: make_staff(AUTHORS),
        TRANSLATORS: make_staff(TRANSLATORS),
    }
    clients = {}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return users, clients


def two_versions(people, status):
    """An article by the author with a first version (draft, one section) and a second one
    saved by an editor (in `status`, two sections, new text in both languages)."""
    users, clients = people
    article = make_article(
        status=Status.DRAFT,
        sections=1,
        points=1,
        original_language="ar",
        authors=[author_record_for(users[OWN_AUTHOR])],
        published_at=None,
        language_published_ar=False,
        language_published_en=False,
    )
    editor = clients[EDITORS]
    assert save(editor, article, {}).status_code == 302
    first = Version.objects.get_for_object(article).order_by("pk").first()
    data = form_data(editor.get(change_url(article)), "article_form")
    data.update(
        {
            "status": status,
            "title_ar": "عنوان ثان",
            "title_en": "Second title",
            "sections-TOTAL_FORMS": "2",
            "sections-1-position": "1",
            "sections-1-article": str(article.pk),
            "sections-1-heading_ar": "قسم أضيف",
            "sections-1-heading_en": "Added section",
            "sections-1-indications-TOTAL_FORMS": "0",
            "sections-1-indications-INITIAL_FORMS": "0",
            "_save": "Save",
        }
    )
    response = editor.post(change_url(article), data)
    assert response.status_code == 302, html(response).select(".errorlist")
    article.refresh_from_db()
    return article, first


def restore(client, article, version):
    """Open a version's restore page as `client` and press Save on it as shown."""
    url = f"/en/admin/articles/article/{article.pk}/history/{version.pk}/"
    page = client.get(url)
    if page.status_code != 200:
        return page
    return client.post(url, {**form_data(page, "article_form"), "_save": "Save"})


def state(article):
    article = Article.objects.get(pk=article.pk)
    return {
        "status": article.status,
        "published_at": article.published_at,
        "released": (article.language_published_ar, article.language_published_en),
        "title_ar": article.title_ar,
        "title_en": article.title_en,
        "sections": list(article.sections.values_list("pk", "heading_ar", "heading_en")),
    }


def test_an_author_cannot_restore_a_draft_version_of_their_published_article(people):
    """Restoring is changing: a published article is out of an author's reach."""
    _users, clients = people
    article, first = two_versions(people, Status.PUBLISHED)
    before = state(article)
    response = restore(clients[OWN_AUTHOR], article, first)
    assert response.status_code == 403
    assert state(article) == before


def test_an_author_restores_their_draft_but_not_its_workflow(people):
    """An author's restore brings back the text; status and publication stay."""
    _users, clients = people
    article, first = two_versions(people, Status.REVIEW)
    Article.objects.filter(pk=article.pk).update(language_published_en=True)
    response = restore(clients[OWN_AUTHOR], article, first)
    assert response.status_code == 302
    after = state(article)
    assert after["title_en"] != "Second title"
    assert len(after["sections"]) == 1
    assert after["status"] == Status.REVIEW
    assert after["released"] == (False, True)


def test_a_translator_restores_only_the_other_languages_text(people):
    """A translator's restore changes the translation and nothing else: no status, no
    sections added or removed, no original text."""
    _users, clients = people
    article, first = two_versions(people, Status.PUBLISHED)
    before = state(article)
    response = restore(clients[TRANSLATORS], article, first)
    assert response.status_code == 302, html(response).select(".errorlist")
    after = state(article)
    assert after["status"] == before["status"] == Status.PUBLISHED
    assert after["published_at"] == before["published_at"]
    assert after["released"] == before["released"]
    assert after["title_ar"] == before["title_ar"]  # the original language: Arabic
    assert after["title_en"] != "Second title"  # the translation restored
    assert [pk for pk, *_text in after["sections"]] == [pk for pk, *_text in before["sections"]]
    assert [ar for _pk, ar, _en in after["sections"]] == [ar for _pk, ar, _en in before["sections"]]


def test_an_editor_restores_everything(people):
    """Who may publish restores the whole version, workflow included."""
    _users, clients = people
    article, first = two_versions(people, Status.PUBLISHED)
    response = restore(clients[EDITORS], article, first)
    assert response.status_code == 302
    after = state(article)
    assert after["status"] == Status.DRAFT
    assert len(after["sections"]) == 1


def test_looking_at_a_version_changes_nothing(people):
    """The restore page shows the old version without saving it."""
    _users, clients = people
    article, first = two_versions(people, Status.PUBLISHED)
    before = state(article)
    page = clients[EDITORS].get(f"/en/admin/articles/article/{article.pk}/history/{first.pk}/")
    assert page.status_code == 200
    assert state(article) == before


def test_a_version_of_another_article_is_not_found(people):
    """A version id is only looked up among the article's own versions."""
    _users, clients = people
    article, _first = two_versions(people, Status.DRAFT)
    other, other_first = two_versions(people, Status.DRAFT)
    url = f"/en/admin/articles/article/{article.pk}/history/{other_first.pk}/"
    assert clients[EDITORS].get(url).status_code == 404
    section = Version.objects.get_for_model(Section).first()
    assert (
        clients[EDITORS]
        .get(f"/en/admin/articles/article/{article.pk}/history/{section.pk}/")
        .status_code
        == 404
    )
    assert state(other)["title_en"] == "Second title"


def delete(people, article):
    _users, clients = people
    response = clients[EDITORS].post(
        f"/en/admin/articles/article/{article.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302


def test_the_recover_list_shows_only_what_the_user_may_recover(people, make_staff):
    """An author sees their own deleted articles; a translator none; an editor all."""
    _users, clients = people
    mine, _first = two_versions(people, Status.PUBLISHED)
    theirs = make_article(status=Status.DRAFT)
    assert save(clients[EDITORS], theirs, {}).status_code == 302
    delete(people, mine)
    delete(people, theirs)
    recover = "/en/admin/articles/article/recover/"
    listed = {
        role: {v.object_id for v in clients[role].get(recover).context["deleted"]}
        for role in (EDITORS, OWN_AUTHOR)
    }
    assert listed[EDITORS] == {str(mine.pk), str(theirs.pk)}
    assert listed[OWN_AUTHOR] == {str(mine.pk)}
    assert clients[TRANSLATORS].get(recover).status_code == 403
    stranger = Client()
    stranger.force_login(make_staff(AUTHORS))
    version = Version.objects.get_deleted(Article).get(object_id=str(theirs.pk))
    assert stranger.get(f"{recover}{version.pk}/").status_code == 404
    assert clients[OWN_AUTHOR].get(f"{recover}{version.pk}/").status_code == 404


def test_an_author_recovers_their_article_as_a_draft(people):
    """A recovered published article comes back to an author as a draft, unreleased."""
    _users, clients = people
    article, _first = two_versions(people, Status.PUBLISHED)
    delete(people, article)
    version = Version.objects.get_deleted(Article).get(object_id=str(article.pk))
    url = f"/en/admin/articles/article/recover/{version.pk}/"
    page = clients[OWN_AUTHOR].get(url)
    assert page.status_code == 200
    response = clients[OWN_AUTHOR].post(url, {**form_data(page, "article_form"), "_save": "Save"})
    assert response.status_code == 302, html(response).select(".errorlist")
    recovered = Article.objects.get(pk=article.pk)
    assert recovered.status == Status.DRAFT
    assert recovered.published_at is None
    assert not recovered.language_published_en
    assert recovered.sections.count() == 2


@pytest.mark.parametrize("role", [TRANSLATORS, OWN_AUTHOR])
def test_announce_cannot_be_forged_by_those_who_may_not_publish(people, role):
    """A posted announce=on from a role without the checkbox announces nothing."""
    users, clients = people
    status = Status.DRAFT if role == OWN_AUTHOR else Status.PUBLISHED
    article = make_article(status=status, authors=[author_record_for(users[OWN_AUTHOR])])
    client = clients[role]
    page = client.get(change_url(article))
    assert "announce" not in page.context["adminform"].form.fields
    data = {**form_data(page, "article_form"), "announce": "on", "_save": "Save"}
    assert client.post(change_url(article), data).status_code == 302
    assert not NewsItem.objects.exists()


def test_an_authors_import_is_their_draft(people):
    """An author's import is a draft bylined to them, which they can open, with only the
    fields their add form lets them set (no publication time)."""
    users, clients = people
    client = clients[OWN_AUTHOR]
    data = preview_data(read(client, SEED.read_text(encoding="utf-8")))
    response = client.post(IMPORT_URL.format(language="en"), {**data, "_create": "1"})
    assert response.status_code == 302
    article = Article.objects.get()
    assert client.get(response["Location"]).status_code == 200
    assert list(article.authors.values_list("user", flat=True)) == [users[OWN_AUTHOR].pk]
    assert article.status == Status.DRAFT
    assert article.published_at is None
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 1
    assert "Imported" in describe(versions.get().revision.comment, Article)


def test_an_editors_import_keeps_the_date_it_read(people):
    """An editor may set the publication time, so the date read from the text stays."""
    _users, clients = people
    client = clients[EDITORS]
    data = preview_data(read(client, SEED.read_text(encoding="utf-8")))
    assert (
        client.post(IMPORT_URL.format(language="en"), {**data, "_create": "1"}).status_code == 302
    )
    assert Article.objects.get().published_at is not None


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_restore_and_a_recovery_are_confirmed_as_such(people, language):
    """The message says the article was restored to a version, not "changed" or "added"."""
    _users, clients = people
    editor = clients[EDITORS]
    article, first = two_versions(people, Status.PUBLISHED)
    url = f"/{language}/admin/articles/article/{article.pk}/history/{first.pk}/"
    response = editor.post(url, {**form_data(editor.get(url), "article_form"), "_save": "Save"})
    said = [str(m) for m in editor.get(response.url).context["messages"]]
    restored = "استُعيد" if language == "ar" else "was restored to its version saved on"
    assert len(said) == 1 and restored in said[0] and first.object_repr in said[0]

    delete(people, article)
    version = Version.objects.get_deleted(Article).get(object_id=str(article.pk))
    url = f"/{language}/admin/articles/article/recover/{version.pk}/"
    response = editor.post(url, {**form_data(editor.get(url), "article_form"), "_save": "Save"})
    said = [str(m) for m in editor.get(response.url).context["messages"]]
    assert len(said) == 1 and restored in said[0]
