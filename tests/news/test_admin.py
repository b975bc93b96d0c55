from tests.factories import make_article
from tests.helpers import html


def test_editor_publishes_a_news_item_that_links_to_its_article(staff_client, db):
    """A news item added in the admin, in both languages, leads the center news to its article."""
    article = make_article()
    response = staff_client.post(
        "/ar/admin/news/newsitem/add/",
        {
            "headline_ar": "د. إبراهيم فوزي يكتب: (عنوان)",
            "headline_en": "Dr. Ibrahim Fawzy writes: (Title)",
            "status": "published",
            "published_at_0": "2020-01-01",
            "published_at_1": "09:00:00",
            "article": str(article.pk),
            "_save": "حفظ",
        },
    )
    assert response.status_code == 302, html(response).select(".errorlist")
    for language, headline in [
        ("ar", "د. إبراهيم فوزي يكتب: (عنوان)"),
        ("en", "Dr. Ibrahim Fawzy writes: (Title)"),
    ]:
        link = html(staff_client.get(article.url_in(language))).select_one(".center-news a")
        assert link.get_text() == headline
        assert link["href"] == article.url_in(language)


def test_news_change_list_searches_both_languages(staff_client, db):
    staff_client.post(
        "/en/admin/news/newsitem/add/",
        {"headline_ar": "عدد جديد من المجلة", "headline_en": "A new issue", "status": "draft"},
    )
    page = html(staff_client.get("/en/admin/news/newsitem/", {"q": "المجلة"}))
    rows = page.select("#result_list tbody tr")
    assert len(rows) == 1
    assert "A new issue" in rows[0].get_text(" ")


def test_without_the_publish_permission_news_stays_unpublished(db, make_staff, login):
    """Staff who may write news but not publish it cannot publish it by a forged post,
    nor change what is published."""
    from django.contrib.auth.models import Permission

    from core.models import Status
    from news.models import NewsItem
    from tests.factories import make_news

    writer = make_staff(None)
    writer.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="news",
            codename__in=["add_newsitem", "change_newsitem", "view_newsitem"],
        )
    )
    client = login(writer)
    response = client.post(
        "/en/admin/news/newsitem/add/",
        {"headline_ar": "خبر", "headline_en": "News", "status": "published", "_save": "Save"},
    )
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert not NewsItem.objects.exists()
    published = make_news(headline_en="As published")
    page = client.get(f"/en/admin/news/newsitem/{published.pk}/change/")
    assert not page.context["has_change_permission"]
    client.post(
        f"/en/admin/news/newsitem/{published.pk}/change/",
        {"headline_en": "Rewritten", "status": Status.DRAFT, "_save": "Save"},
    )
    published.refresh_from_db()
    assert (published.headline_en, published.status) == ("As published", Status.PUBLISHED)
