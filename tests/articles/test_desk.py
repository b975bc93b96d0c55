"""The admin's home page as a desk: each role finds what waits for it, with counts, in a
fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from articles.admin import author_record_for
from articles.models import Article, Status
from tests.admin_forms import save
from tests.factories import make_article
from tests.helpers import html


def desk(client, language="en"):
    """{panel key: (count shown in its title, titles listed)} of the home page."""
    page = html(client.get(f"/{language}/admin/"))
    found = {}
    for panel in page.select(".desk__panel"):
        key = next(c for c in panel["class"] if c.startswith("desk__panel--")).split("--")[1]
        count = int(panel.select_one(".desk__count").get_text().strip("()"))
        found[key] = (count, [a.get_text() for a in panel.select(".desk__list a")])
    return found


@pytest.mark.django_db
def test_an_editor_sees_review_scheduled_and_recent(make_staff, login):
    """Waiting for review (longest waiting first), scheduled, recently published."""
    in_review = [make_article(status=Status.REVIEW, title_en=f"Review {n}") for n in range(2)]
    later = make_article(
        title_en="Tomorrow's", published_at=timezone.now() + datetime.timedelta(days=1)
    )
    make_article(title_en="Yesterday's", published_at=timezone.now() - datetime.timedelta(days=1))
    make_article(status=Status.DRAFT, title_en="Someone's draft")
    found = desk(login(make_staff(EDITORS)))
    assert found["review"] == (2, [str(a) for a in in_review])
    assert found["scheduled"] == (1, [str(later)])
    assert found["published"] == (1, ["Yesterday's"])
    assert "drafts" not in found


@pytest.mark.django_db
def test_an_author_sees_their_drafts_and_what_was_returned_to_them(make_staff, login):
    """Only their own articles; a returned one moves to "Returned to you" with its note."""
    user = make_staff(AUTHORS)
    me = author_record_for(user)
    mine = make_article(status=Status.DRAFT, authors=[me], title_en="My draft")
    returned = make_article(status=Status.REVIEW, authors=[me], title_en="Sent back", sections=1)
    make_article(status=Status.DRAFT, title_en="Not mine")
    editor = login(make_staff(EDITORS))
    save(editor, returned, {"_workflow": "return", "_return_note": "Add sources."})

    client = login(user)
    found = desk(client)
    assert found == {"returned": (1, ["Sent back"]), "drafts": (1, ["My draft"])}
    page = html(client.get(f"/en/admin/articles/article/{returned.pk}/change/"))
    assert "Add sources." in page.select_one(".return-note").get_text()

    # Submitted again, it leaves the returned list and the note goes.
    save(client, returned, {"_workflow": "submit"})
    assert desk(client) == {"returned": (0, []), "drafts": (1, [str(mine)])}
    assert Article.objects.get(pk=returned.pk).return_note == ""


@pytest.mark.django_db
def test_a_translator_sees_articles_written_in_one_language(make_staff, login):
    make_article(title_en="Both")
    arabic = make_article(languages=("ar",))
    english = make_article(languages=("en",), title_en="English only")
    found = desk(login(make_staff(TRANSLATORS)))
    assert found["translations"][0] == 2
    assert set(found["translations"][1]) == {str(arabic), str(english)}


@pytest.mark.django_db
@pytest.mark.parametrize("role", [AUTHORS, EDITORS, TRANSLATORS])
def test_the_desk_costs_the_same_queries_however_many_articles(
    make_staff, login, django_assert_max_num_queries, role
):
    """The home page's queries do not grow with the archive."""
    user = make_staff(role)
    client = login(user)
    me = author_record_for(user)

    def fill(n):
        for index in range(n):
            make_article(status=Status.REVIEW, title_en=f"R{index}")
            make_article(status=Status.DRAFT, authors=[me], languages=("ar",))
            make_article(published_at=timezone.now() + datetime.timedelta(days=index + 1))

    fill(1)
    client.get("/en/admin/")
    with django_assert_max_num_queries(20) as few:
        client.get("/en/admin/")
    fill(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/admin/")


@pytest.mark.django_db
def test_the_desk_reads_arabic_in_the_arabic_admin(make_staff, login):
    make_article(status=Status.REVIEW)
    page = html(login(make_staff(EDITORS)).get("/ar/admin/"))
    titles = [h.get_text(" ", strip=True) for h in page.select(".desk__panel h2")]
    assert titles[0].startswith("بانتظار المراجعة")
    assert page.select_one(".desk__panel--scheduled .desk__empty").get_text() == (
        "لا شيء مجدول للنشر."
    )
