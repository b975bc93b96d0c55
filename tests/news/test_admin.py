from tests.conftest import html
from tests.factories import make_article


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
