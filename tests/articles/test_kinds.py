"""Kinds of publication (analyses, studies, reports…): every article has one, each kind
has its page and feeds, and the article page names its kind."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.roles import EDITORS, TRANSLATORS
from articles.models import Article, Kind, Status
from tests.admin_forms import change_url, form_data
from tests.factories import make_article, make_author
from tests.helpers import html

KINDS = {
    "analyses": ("تحليلات", "Analyses"),
    "studies": ("دراسات", "Studies"),
    "reports": ("تقارير", "Reports"),
    "commentary": ("آراء", "Commentary"),
    "books": ("كتب", "Books"),
}


def listed_slugs(response):
    return [
        a["href"].rstrip("/").rsplit("/", 1)[-1]
        for a in html(response).select(".article-card__title a")
    ]


@pytest.fixture
def studies(db):
    return Kind.objects.get(slug="studies")


@pytest.fixture
def scene(studies):
    """Studies in both languages, in Arabic only, a draft, and an analysis."""
    return {
        "both": make_article(kind=studies),
        "arabic-only": make_article(kind=studies, languages=("ar",)),
        "draft": make_article(kind=studies, status=Status.DRAFT),
        "analysis": make_article(),
    }


def test_the_migration_makes_the_five_kinds_in_order(db):
    """Analyses, studies, reports, commentary and books exist, named in both languages."""
    kinds = [(kind.slug, (kind.name_ar, kind.name_en)) for kind in Kind.objects.all()]
    assert kinds == list(KINDS.items())


@pytest.mark.django_db(transaction=True)
def test_the_migration_makes_existing_articles_analyses():
    """Articles written before kinds existed are analyses once the migrations have run."""
    executor = MigrationExecutor(connection)
    before = [("articles", "0009_kind")]
    try:
        executor.migrate(before)
        old = executor.loader.project_state(before).apps
        old.get_model("articles", "Kind").objects.all().delete()
        old.get_model("articles", "Article").objects.create(
            slug="written-before-kinds", title_en="Old", lead_en="Old lead."
        )
        executor = MigrationExecutor(connection)
        executor.migrate([("articles", "0011_article_kind_required")])
        article = Article.objects.get(slug="written-before-kinds")
        assert article.kind.slug == "analyses"
        assert set(Kind.objects.values_list("slug", flat=True)) == set(KINDS)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def test_a_new_article_is_an_analysis(db):
    """Made without a kind (the admin, the importer, the factories), an article is an
    analysis, even where the kinds were emptied."""
    assert make_article().kind.slug == "analyses"
    Article.objects.all().delete()
    Kind.objects.all().delete()
    assert make_article().kind.name_en == "Analyses"


@pytest.mark.parametrize(
    ("language", "heading", "listed"),
    [("ar", "دراسات", {"both", "arabic-only"}), ("en", "Studies", {"both"})],
)
def test_a_kind_page_lists_what_is_published_in_its_language(
    client, scene, language, heading, listed
):
    """Only published articles of the kind, available in the page's language, newest first."""
    response = client.get(f"/{language}/kinds/studies/")
    assert response.status_code == 200
    page = html(response)
    assert page.html["lang"] == language
    assert page.select_one("h1").get_text(strip=True) == heading
    assert set(listed_slugs(response)) == {scene[name].slug for name in listed}


def test_an_unknown_kind_or_one_without_a_name_in_the_language_is_not_found(client, db):
    Kind.objects.create(slug="maps", name_ar="خرائط", name_en="")
    assert client.get("/en/kinds/no-such-kind/").status_code == 404
    assert client.get("/en/kinds/maps/").status_code == 404
    assert client.get("/ar/kinds/maps/").status_code == 200


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_a_kind_has_feeds_of_its_articles(client, scene, feed):
    """The kind's feeds carry its published articles in the feed's language only."""
    response = client.get(f"/en/kinds/studies/{feed}/")
    assert response.status_code == 200
    text = response.content.decode()
    ET.fromstring(response.content)  # well-formed
    assert "Studies" in text
    assert scene["both"].title_en in text
    assert scene["analysis"].title_en not in text
    assert scene["draft"].title_en not in text
    page = html(client.get("/en/kinds/studies/"))
    assert page.select_one(f'link[type="application/{feed}+xml"]')["href"] == (
        f"/en/kinds/studies/{feed}/"
    )


@pytest.mark.parametrize(("language", "name"), [("ar", "دراسات"), ("en", "Studies")])
def test_the_article_page_links_to_its_kind(client, scene, language, name):
    """The article page names its kind in the page's language, linking to the kind's page."""
    article = scene["both"]
    link = html(client.get(article.url_in(language))).select_one("a.article__kind")
    assert link.get_text(strip=True) == name
    assert link["href"] == f"/{language}/kinds/studies/"
    assert article.slug in listed_slugs(client.get(link["href"]))


def test_the_sitemap_lists_kinds_with_published_articles(client, scene):
    urls = client.get("/sitemap-kinds.xml").content.decode()
    assert "http://testserver/ar/kinds/studies/" in urls
    assert "http://testserver/en/kinds/studies/" in urls
    assert "/kinds/books/" not in urls


def count_queries(client, url):
    cache.clear()  # measure pages made afresh, not served from the reader cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_kind_page_runs_a_fixed_number_of_queries(client, studies, settings):
    """Five studies or thirty (several authors each) cost the same queries."""
    settings.ARTICLES_PER_PAGE = 40
    author = make_author()

    def add(count):
        for _ in range(count):
            make_article(kind=studies, authors=[author, make_author()])

    add(5)
    few = count_queries(client, "/en/kinds/studies/")
    add(25)
    many = count_queries(client, "/en/kinds/studies/")
    assert few == many
    # The kind, the count, the page, the bylines, and what the reader cache asks on a miss.
    assert many <= 5


def test_renaming_a_kind_refreshes_cached_pages(client, scene, studies):
    """A kind's new name shows at once on its articles' pages and on its own page."""
    article = scene["both"]
    assert client.get(article.url_in("en")).get("X-Cache") == "miss"
    assert client.get(article.url_in("en")).get("X-Cache") == "hit"
    client.get("/en/kinds/studies/")
    studies.name_en = "Research papers"
    studies.save()
    response = client.get(article.url_in("en"))
    assert response.get("X-Cache") == "miss"
    assert html(response).select_one("a.article__kind").get_text(strip=True) == "Research papers"
    heading = html(client.get("/en/kinds/studies/")).select_one("h1").get_text(strip=True)
    assert heading == "Research papers"


def test_an_editor_adds_a_kind(db, make_staff, login, client):
    """Editors manage the list of kinds; the new kind has its page at once."""
    editor = login(make_staff(EDITORS))
    response = editor.post(
        "/en/admin/articles/kind/add/",
        {
            "name_ar": "أوراق سياسات",
            "name_en": "Policy papers",
            "slug": "policy-papers",
            "position": 6,
        },
    )
    assert response.status_code == 302
    kind = Kind.objects.get(slug="policy-papers")
    assert (kind.name_ar, kind.name_en) == ("أوراق سياسات", "Policy papers")
    article = make_article(kind=kind)
    assert article.slug in listed_slugs(client.get("/ar/kinds/policy-papers/"))
    assert "أوراق سياسات" in editor.get("/ar/admin/articles/kind/").content.decode()


def test_an_editor_sets_an_articles_kind_and_filters_by_it(db, make_staff, login, studies):
    editor = login(make_staff(EDITORS))
    article, analysis = make_article(), make_article()
    page = editor.get(change_url(article))
    assert "kind" in page.context["adminform"].form.fields
    data = {**form_data(page, "article_form"), "kind": str(studies.pk), "_save": "Save"}
    assert editor.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.kind == studies
    listing = editor.get(f"/en/admin/articles/article/?kind__id__exact={studies.pk}")
    shown = listing.context["cl"].result_list
    assert article in shown
    assert analysis not in shown


def test_a_translator_cannot_change_an_articles_kind(db, make_staff, login, studies):
    """The kind is read-only for translators, and a forged post changes nothing."""
    translator = login(make_staff(TRANSLATORS))
    article = make_article()
    page = translator.get(change_url(article))
    assert "kind" not in page.context["adminform"].form.fields
    data = {**form_data(page, "article_form"), "kind": str(studies.pk), "_save": "Save"}
    assert translator.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.kind.slug == "analyses"
    assert translator.get("/en/admin/articles/kind/").status_code == 200
    assert translator.get("/en/admin/articles/kind/add/").status_code == 403


def test_a_kind_with_articles_cannot_be_deleted(db, make_staff, studies):
    """Deleting a kind would leave its articles without one: the admin refuses."""
    make_article(kind=studies)
    editor = Client()
    editor.force_login(make_staff(EDITORS))
    response = editor.post(f"/en/admin/articles/kind/{studies.pk}/delete/", {"post": "yes"})
    assert Kind.objects.filter(pk=studies.pk).exists()
    assert response.status_code == 200
