"""
A news item can lead to a publication of an app above news (an issue): its `subject`,
set by the app that announces it, shown but never edited in the admin, and fetched for
the news pages in a fixed number of queries.
"""

import itertools

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import NewsItem
from publications.models import Issue
from tests.admin_forms import form_data
from tests.factories import committed, make_article, make_news
from tests.helpers import html
from tests.publications.factories import make_issue, make_series

_fresh = itertools.count()


def change_url(item):
    return f"/en/admin/news/newsitem/{item.pk}/change/"


def test_the_admin_shows_the_announced_publication_without_a_field_for_it(staff_client, db):
    """An item that leads to an issue names it on its change page; no box asks for a
    content type or an id, there or on the add page."""
    issue = make_issue(make_series(name_en="Asian Trends"), number=3)
    item = make_news(subject=issue)
    page = html(staff_client.get(change_url(item)))
    shown = page.select_one(".field-announced_publication")
    assert shown is not None
    assert "Asian Trends, issue 3" in shown.get_text(" ", strip=True)
    for url in (change_url(item), "/en/admin/news/newsitem/add/"):
        form = html(staff_client.get(url)).find("form", id="newsitem_form")
        assert not form.select("[name^=subject]"), url
    plain = make_news()
    assert (
        html(staff_client.get(change_url(plain))).select_one(".field-announced_publication") is None
    )


def test_a_forged_post_cannot_set_or_change_the_announced_publication(staff_client, db):
    """subject_type and subject_id posted by hand are ignored when adding and changing."""
    issue_type = ContentType.objects.get_for_model(Issue)
    series = make_series()
    announced, other = make_issue(series, number=1), make_issue(series, number=2)
    forged = {"subject_type": str(issue_type.pk), "subject_id": str(other.pk)}

    response = staff_client.post(
        "/en/admin/news/newsitem/add/",
        {"headline_ar": "خبر", "headline_en": "News", "status": "draft", **forged},
    )
    assert response.status_code == 302
    added = NewsItem.objects.get(headline_en="News")
    assert (added.subject_type, added.subject_id) == (None, None)

    item = make_news(subject=announced)
    data = form_data(staff_client.get(change_url(item)), "newsitem_form")
    data.update(forged, headline_en="Reworded", _save="Save")
    assert staff_client.post(change_url(item), data).status_code == 302
    item.refresh_from_db()
    assert item.headline_en == "Reworded"
    assert item.subject == announced

    plain = make_news()
    data = form_data(staff_client.get(change_url(plain)), "newsitem_form")
    data.update(forged, _save="Save")
    assert staff_client.post(change_url(plain), data).status_code == 302
    plain.refresh_from_db()
    assert (plain.subject_type, plain.subject_id) == (None, None)


def queries_of(client, path):
    """The queries of the page made afresh: not from the reader cache, with nothing
    remembered (the center news computed again), once the process has looked up what
    it looks up once (content types, as on a running site)."""
    client.get(f"{path}?fresh={next(_fresh)}")
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{path}?fresh={next(_fresh)}")
    assert response.status_code == 200
    return len(queries)


def lead_to_issues(items):
    """Each item leads to an issue of a series of its own."""
    with committed():
        for item in items:
            item.subject = make_issue(make_series(), number=1)
            item.save()


def test_items_that_lead_to_issues_cost_the_pages_one_query(client, db):
    """The home page and an analysis' page (their center news), the news list and an
    item's page: one query more for five items leading to five issues of five series than
    for five items leading nowhere, and that only while some item has one."""
    article = make_article()
    items = [make_news() for _ in range(5)]
    pages = ["/en/", article.url_in("en"), "/en/news/", f"/en/news/{items[0].pk}/"]
    plain = {path: queries_of(client, path) for path in pages}
    lead_to_issues(items)
    links = {a["href"] for a in html(client.get("/en/")).select(".center-news a")}
    assert links == {item.subject.url_in("en") for item in items}
    announced = {path: queries_of(client, path) for path in pages}
    assert announced == {path: count + 1 for path, count in plain.items()}
