import datetime

import pytest
import time_machine
from django.utils import timezone

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from articles.admin import author_record_for
from articles.models import Article, Status
from news.models import NewsItem
from tests.admin_forms import change_url, form_data, save
from tests.factories import make_article, make_author, make_news
from tests.helpers import html

NOON = datetime.datetime(2030, 6, 1, 12, 0, tzinfo=datetime.UTC)


def reader_surfaces(client, article, language="en"):
    """Where a reader could meet the article: its page, the lists, the center news, the
    feed, the sitemap and search."""
    url = article.url_in(language)
    title = getattr(article, f"title_{language}")
    page = client.get(url)
    listing = client.get(f"/{language}/articles/").content.decode()
    home = client.get(f"/{language}/").content.decode()
    news = html(client.get(f"/{language}/news/")).get_text()
    feed = client.get(f"/{language}/feeds/rss/").content.decode()
    sitemap = client.get("/sitemap-articles.xml").content.decode()
    found = client.get(f"/{language}/search/", {"q": title.split()[0]}).content.decode()
    return {
        "page": page.status_code == 200,
        "list": url in listing,
        "home": url in home,
        "news": title in news,
        "feed": url in feed,
        "sitemap": url in sitemap,
        "search": url in found,
    }


def test_scheduled_article_goes_live_by_itself(client, db):
    """Before its time no reader surface shows it; after, all do, with nothing run in between."""
    with time_machine.travel(NOON - datetime.timedelta(days=1), tick=False):
        make_article(title_en="Already published")
        article = make_article(published_at=NOON, title_en="Zephyrine analysis")
        make_news(article=article, headline_en=article.title_en, published_at=NOON)
    with time_machine.travel(NOON - datetime.timedelta(minutes=1), tick=False):
        surfaces = reader_surfaces(client, article)
        assert not any(surfaces.values()), surfaces
    with time_machine.travel(NOON + datetime.timedelta(minutes=1), tick=False):
        surfaces = reader_surfaces(client, article)
        assert all(surfaces.values()), surfaces


def test_editor_schedules_publication_in_the_admin(db, make_staff, login, client):
    article = make_article(status=Status.DRAFT)
    with time_machine.travel(NOON - datetime.timedelta(hours=2), tick=False):
        editor = login(make_staff(EDITORS))
        response = save(
            editor,
            article,
            {"status": "published", "published_at_0": "2030-06-01", "published_at_1": "16:00:00"},
        )
        assert response.status_code == 302
        assert client.get(article.url_in("en")).status_code == 404
    with time_machine.travel(NOON + datetime.timedelta(hours=1), tick=False):
        assert client.get(article.url_in("en")).status_code == 200  # 16:00 in Dubai = 12:00 UTC


def test_publishing_without_a_date_publishes_now_in_each_written_language(db, make_staff, login):
    editor = login(make_staff(EDITORS))
    article = make_article(status=Status.DRAFT, published_at=None, languages=("ar",))
    Article.objects.filter(pk=article.pk).update(language_published_ar=False)
    response = save(editor, article, {"status": "published"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.published_at is not None
    assert article.published_at <= timezone.now()
    assert article.language_published_ar and not article.language_published_en


@pytest.mark.parametrize("language", ["ar", "en"])
def test_draft_is_a_404_for_readers_and_a_preview_for_staff(
    client, db, make_staff, login, language
):
    writer = make_staff(AUTHORS)
    draft = make_article(status=Status.DRAFT, authors=[author_record_for(writer)])
    assert client.get(draft.url_in(language)).status_code == 404
    for user in (make_staff(EDITORS), make_staff(TRANSLATORS), writer):
        response = login(user).get(draft.url_in(language))
        assert response.status_code == 200
        page = html(response)
        assert page.select_one(".preview-banner")
        assert page.h1.get_text() == getattr(draft, f"title_{language}")
        assert page.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
        assert "no-store" in response["Cache-Control"]
    # An author who does not write it gets what a reader gets.
    assert login(make_staff(AUTHORS)).get(draft.url_in(language)).status_code == 404


def test_change_page_links_to_previews_in_each_language(db, make_staff, login):
    draft = make_article(status=Status.DRAFT)
    page = html(login(make_staff(EDITORS)).get(change_url(draft)))
    links = [a["href"] for a in page.select("a.previewlink")]
    assert links == [draft.url_in("ar"), draft.url_in("en")]


def test_a_translation_started_later_waits_for_its_release(client, db, make_staff, login):
    """English added to a published Arabic article stays hidden until an editor releases it,
    and releasing it leaves the Arabic version as it was."""
    article = make_article(languages=("ar",))
    arabic_date = article.published_at
    translator = login(make_staff(TRANSLATORS))
    response = save(translator, article, {"title_en": "The translation", "lead_en": "A lead."})
    assert response.status_code == 302
    assert client.get(article.url_in("en")).status_code == 404
    assert client.get(article.url_in("ar")).status_code == 200

    editor = login(make_staff(EDITORS))
    assert save(editor, article, {"language_published_en": "on"}).status_code == 302
    assert html(client.get(article.url_in("en"))).h1.get_text() == "The translation"
    article.refresh_from_db()
    # The form keeps the date to the second.
    assert article.published_at == arabic_date.replace(microsecond=0)
    assert article.language_published_ar


def test_change_list_shows_and_filters_translation_state(db, make_staff, login):
    """Each language's column says where the article stands in it (translations/admin.py
    replaced the one "translation" column); the filter keeps its values."""
    complete = make_article()
    arabic_only = make_article(languages=("ar",))
    english_only = make_article(languages=("en",))
    editor = login(make_staff(EDITORS))
    page = html(editor.get("/en/admin/articles/article/"))
    states = {
        row.select_one("th a")["href"].split("?")[0]: tuple(
            row.select_one(f".field-translation_{code}").get_text() for code in ("ar", "en")
        )
        for row in page.select("#result_list tbody tr")
    }
    assert states[change_url(complete)] == ("Arabic (original): complete", "English: complete")
    assert states[change_url(arabic_only)] == (
        "Arabic (original): complete",
        "English: missing (2)",
    )
    # Written in English only, while Arabic is its original language: the original misses
    # what the translation has.
    assert states[change_url(english_only)] == (
        "Arabic (original): missing (2)",
        "English: complete",
    )
    for value, expected in [
        ("complete", [complete]),
        ("missing-en", [arabic_only]),
        ("missing-ar", [english_only]),
    ]:
        response = editor.get("/en/admin/articles/article/", {"translation": value})
        assert list(response.context["cl"].result_list) == expected


def test_bulk_actions_report_what_they_did_and_refused(db, make_staff, login):
    editor = login(make_staff(EDITORS))
    drafts = [make_article(status=Status.DRAFT) for _ in range(2)]
    empty = make_article(status=Status.DRAFT, languages=())
    response = editor.post(
        "/en/admin/articles/article/",
        {"action": "publish_selected", "_selected_action": [a.pk for a in [*drafts, empty]]},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert "Published 2 articles." in messages
    assert any("Refused" in m and str(empty) in m for m in messages)
    assert {a.status for a in Article.objects.filter(pk__in=[d.pk for d in drafts])} == {
        Status.PUBLISHED
    }
    response = editor.post(
        "/en/admin/articles/article/",
        {"action": "unpublish_selected", "_selected_action": [drafts[0].pk]},
        follow=True,
    )
    assert "Unpublished 1 article." in [str(m) for m in response.context["messages"]]


def test_authors_submit_but_cannot_use_the_publish_action(db, make_staff, login):
    user = make_staff(AUTHORS)
    writer = login(user)
    mine = make_article(status=Status.DRAFT, authors=[author_record_for(user)])
    page = writer.get("/en/admin/articles/article/")
    actions = [value for value, _label in page.context["action_form"].fields["action"].choices]
    assert "submit_selected" in actions
    assert "publish_selected" not in actions
    writer.post(
        "/en/admin/articles/article/",
        {"action": "publish_selected", "_selected_action": [mine.pk]},
    )
    mine.refresh_from_db()
    assert mine.status == Status.DRAFT
    response = writer.post(
        "/en/admin/articles/article/",
        {"action": "submit_selected", "_selected_action": [mine.pk]},
        follow=True,
    )
    mine.refresh_from_db()
    assert mine.status == Status.REVIEW
    assert "Submitted 1 article for review." in [str(m) for m in response.context["messages"]]


def test_author_creating_an_article_is_put_on_its_byline(db, make_staff, login):
    user = make_staff(AUTHORS, first_name="Sara", last_name="Salem")
    writer = login(user)
    page = writer.get("/en/admin/articles/article/add/")
    data = form_data(page, "article_form")
    data.update(
        title_ar="مقال جديد",
        title_en="A new article",
        slug="a-new-article",
        lead_ar="مقدمة.",
        lead_en="A lead.",
        status="review",
        original_language="ar",
        _save="Save",
    )
    response = writer.post("/en/admin/articles/article/add/", data)
    assert response.status_code == 302, html(response).select(".errorlist")
    article = Article.objects.get(slug="a-new-article")
    assert [a.name_en for a in article.authors.all()] == ["Sara Salem"]
    assert article.status == Status.REVIEW
    # …and can still edit it afterwards.
    assert writer.get(change_url(article)).status_code == 200


@pytest.mark.parametrize(("gender", "arabic_verb"), [("m", "يكتب"), ("f", "تكتب")])
def test_publishing_can_announce_the_article_in_the_center_news(
    client, db, make_staff, login, gender, arabic_verb
):
    author = make_author(
        name_ar="سارة سالم",
        name_en="Sara Salem",
        honorific_ar="د.",
        honorific_en="Dr.",
        gender=gender,
    )
    article = make_article(
        status=Status.DRAFT, authors=[author], title_ar="عنوان", title_en="A Title"
    )
    editor = login(make_staff(EDITORS))
    response = save(editor, article, {"status": "published", "announce": "on"})
    assert response.status_code == 302
    item = NewsItem.objects.get(article=article)
    assert item.headline_ar == f"د. سارة سالم {arabic_verb}: (عنوان)"
    assert item.headline_en == "Dr. Sara Salem writes: (A Title)"
    other = make_article()
    link = html(client.get(other.url_in("ar"))).select_one(".center-news a")
    assert link.get_text() == item.headline_ar
    assert link["href"] == article.url_in("ar")
    # Saving again does not announce twice.
    save(editor, article, {"announce": "on"})
    assert NewsItem.objects.filter(article=article).count() == 1
