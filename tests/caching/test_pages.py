import datetime

import pytest
import time_machine
from django.utils import timezone

from news.models import NewsItem
from tests.factories import make_article, make_author, make_news
from tests.helpers import html


def fetch(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.get("X-Cache")


def test_a_readers_page_is_served_from_the_cache_the_second_time(client, db):
    article = make_article()
    first, state = fetch(client, article.url_in("en"))
    assert state == "miss"
    second, state = fetch(client, article.url_in("en"))
    assert state == "hit"
    assert second.content == first.content
    assert "must-revalidate" in second["Cache-Control"]
    assert "public" in second["Cache-Control"]


def test_staff_and_previews_never_come_from_the_cache(db, admin_client, client):
    article = make_article()
    fetch(client, article.url_in("en"))  # cached for readers
    response, state = fetch(admin_client, article.url_in("en"))
    assert state is None
    draft = make_article(status="draft")
    response, state = fetch(admin_client, draft.url_in("en"))
    assert state is None
    assert "no-store" in response["Cache-Control"]


def test_an_edit_shows_at_once_and_leaves_other_pages_cached(client, db):
    edited, other = make_article(), make_article()
    for article in (edited, other):
        fetch(client, article.url_in("en"))
    edited.title_en = "A corrected title"
    edited.save()
    response, state = fetch(client, edited.url_in("en"))
    assert state == "miss"
    assert html(response).h1.get_text() == "A corrected title"
    assert fetch(client, other.url_in("en"))[1] == "hit"
    assert "A corrected title" in fetch(client, "/en/articles/")[0].content.decode()


def test_unpublishing_removes_the_page_at_once(client, db):
    article = make_article()
    fetch(client, article.url_in("en"))
    fetch(client, "/en/")
    article.status = "unpublished"
    article.save()
    assert client.get(article.url_in("en")).status_code == 404
    assert article.title_en not in client.get("/en/").content.decode()


def test_renaming_an_author_refreshes_their_bylines(client, db):
    author = make_author(name_en="Ibrahim Fawzi")
    article = make_article(authors=[author])
    fetch(client, article.url_in("en"))
    author.name_en = "Ibrahim Fawzy"
    author.save()
    response, state = fetch(client, article.url_in("en"))
    assert state == "miss"
    assert "Dr. Ibrahim Fawzy" in html(response).select_one(".article__byline").get_text()


def test_center_news_changes_refresh_article_pages(client, db):
    article = make_article()
    fetch(client, article.url_in("en"))
    make_news(headline_en="Fresh news")
    assert "Fresh news" in client.get(article.url_in("en")).content.decode()


def test_a_scheduled_article_goes_live_on_cached_pages_by_itself(client, db):
    noon = datetime.datetime(2030, 6, 1, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(noon - datetime.timedelta(days=1), tick=False):
        make_article()
        scheduled = make_article(published_at=noon)
        NewsItem.objects.create(
            headline_en="x",
            headline_ar="x",
            status="published",
            published_at=noon - datetime.timedelta(days=2),
        )
    with time_machine.travel(noon - datetime.timedelta(minutes=5), tick=False):
        listing = client.get("/en/articles/")
        assert scheduled.title_en not in listing.content.decode()
        assert fetch(client, "/en/articles/")[1] == "hit"
    with time_machine.travel(noon + datetime.timedelta(minutes=1), tick=False):
        response, state = fetch(client, "/en/articles/")
        assert state == "miss"
        assert scheduled.title_en in response.content.decode()


def test_conditional_requests_get_304(client, db):
    article = make_article()
    response = client.get(article.url_in("en"))
    etag = response["ETag"]
    again = client.get(article.url_in("en"), headers={"if-none-match": etag})
    assert again.status_code == 304
    article.title_en = "Changed"
    article.save()
    assert client.get(article.url_in("en"), headers={"if-none-match": etag}).status_code == 200


@pytest.mark.parametrize("url", ["/en/search/?q=x", "/sitemap.xml", "/en/feeds/rss/"])
def test_other_reader_pages_are_cached_too(client, db, url):
    make_article()
    fetch(client, url)
    assert fetch(client, url)[1] == "hit"
    make_article(published_at=timezone.now() - datetime.timedelta(hours=1))
    assert fetch(client, url)[1] == "miss"


def test_a_page_made_while_its_article_was_edited_is_not_kept(client, db, monkeypatch):
    """
    A reader's request reads the article, then an editor's save lands before the page is
    stored: the page shows the old title, so it must not be kept under the new version.
    """
    from articles import views

    article = make_article(title_en="Old title")
    render_body = views.article_body

    def body_while_an_editor_saves(shown, language):
        body = render_body(shown, language)
        edited = type(shown).objects.get(pk=shown.pk)
        edited.title_en = "New title"
        edited.save()
        return body

    monkeypatch.setattr(views, "article_body", body_while_an_editor_saves)
    response, state = fetch(client, article.url_in("en"))
    assert html(response).h1.get_text() == "Old title"
    monkeypatch.undo()
    response, state = fetch(client, article.url_in("en"))
    assert state == "miss"
    assert html(response).h1.get_text() == "New title"
    assert fetch(client, article.url_in("en"))[1] == "hit"


def addresses(response):
    """The absolute addresses a page gives of itself: canonical, og:url, its languages."""
    page = html(response)
    return [
        page.find("link", rel="canonical")["href"],
        page.find("meta", property="og:url")["content"],
        *(link["href"] for link in page.select('link[rel="alternate"][hreflang]')),
    ]


def test_each_host_name_and_scheme_is_served_pages_with_its_own_addresses(client, db, settings):
    """A page kept for one host name, or for http, is never served to another or to https."""
    settings.ALLOWED_HOSTS = ["think.example.org", "www.think.example.org"]
    article = make_article()
    path = article.url_in("en")
    for host, secure in [
        ("think.example.org", False),
        ("www.think.example.org", False),
        ("think.example.org", True),
    ]:
        origin = f"{'https' if secure else 'http'}://{host}/"
        for state in ("miss", "hit"):
            response = client.get(path, headers={"host": host}, secure=secure)
            assert response["X-Cache"] == state, (origin, state)
            found = addresses(response)
            assert len(found) == 2 + len(settings.LANGUAGES)  # an hreflang per language
            assert all(address.startswith(origin) for address in found), (origin, found)
