from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.admin_forms import change_url, form_data
from tests.factories import make_article, make_author


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_change_page_costs_the_same_with_2_or_120_points(staff_client, db):
    """2 sections × 2 points or 12 × 10: the article's change page runs the same queries."""
    author = make_author()
    small = make_article(sections=2, points=2, authors=[author])
    large = make_article(sections=12, points=10, authors=[author])
    staff_client.get(change_url(small))  # the first also loads what Django caches (types)
    assert count_queries(staff_client, change_url(small)) == count_queries(
        staff_client, change_url(large)
    )


def test_change_page_still_saves_points_from_the_prefetch(staff_client, db):
    """Points read from the prefetched list are saved, changed and deleted as before."""
    article = make_article(sections=2, points=2)
    data = form_data(staff_client.get(change_url(article)), "article_form")
    data["sections-1-indications-0-body_en"] = "A changed point."
    data["sections-0-indications-1-DELETE"] = "on"
    data["_save"] = "Save"
    assert staff_client.post(change_url(article), data).status_code == 302
    first, second = article.sections.all()
    assert first.indications.count() == 1
    assert second.indications.first().body_en == "A changed point."


def test_change_list_costs_the_same_with_5_or_60_articles(staff_client, db):
    for _ in range(5):
        make_article(authors=[make_author()])
    few = count_queries(staff_client, "/en/admin/articles/article/")
    for _ in range(55):
        make_article(authors=[make_author()])
    assert count_queries(staff_client, "/en/admin/articles/article/") == few
