"""What only PostgreSQL does: an index for the search, and results ranked by relevance."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article, Status
from search.documents import rebuild
from search.queries import Query
from search.results import Results
from tests.factories import make_article
from tests.search.helpers import add_section, found, search

# CI runs the suite against PostgreSQL (.ci/run sets DATABASE_URL), so these run there.
pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search only"
)


def publish_many(count, fields):
    """`count` published articles, an hour apart, with `fields(number)`, and their vectors."""
    day = timezone.now() - datetime.timedelta(days=1)
    Article.objects.bulk_create(
        Article(
            slug=f"bulk-{number}",
            status=Status.PUBLISHED,
            published_at=day - datetime.timedelta(hours=number),
            **fields(number),
        )
        for number in range(count)
    )
    rebuild(Article.objects.all())


@pytest.mark.parametrize(
    ("language", "query"), [("ar", "والمقالات الأخبار"), ("en", "indications")]
)
def test_search_uses_the_gin_index(db, language, query):
    """Among many published articles, the search page's query reads the GIN index."""
    publish_many(
        1000,
        lambda number: {
            **{f"{name}_{code}": "Text" for name in ("title", "lead") for code in ("ar", "en")},
            **{f"language_published_{code}": True for code in ("ar", "en")},
        },
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
        # A table this small is cheaper to read whole; the benchmark shows the plan at scale.
        cursor.execute("SET LOCAL enable_seqscan = off")
    query = Query.parse(query)
    analyses = Results(language, query).kind("analysis")
    plan = analyses.queryset(query, language, ranked=True).explain()
    assert f"Bitmap Index Scan on article_search_{language}" in plan, plan


def test_title_matches_rank_above_older_body_matches(client, db):
    """An analysis with the words in its title comes before newer ones that only mention them."""
    now = timezone.now()
    mention = make_article(languages=("en",), published_at=now - datetime.timedelta(days=1))
    add_section(mention, "en", body="A passing word about maritime strategy.")
    titled = make_article(
        languages=("en",),
        title_en="Maritime strategy in the Red Sea",
        published_at=now - datetime.timedelta(days=30),
    )
    assert found(search(client, "maritime strategy", "en")) == [
        titled.url_in("en"),
        mention.url_in("en"),
    ]


def test_a_frequent_word_walks_the_readers_index_newest_first(db):
    """
    A word in many articles: the page takes the newest matches from the readers' index and
    stops at the page's last, rather than reading every match to sort them by date.
    PostgreSQL only knows how many match from the vectors' statistics (migration 0006).
    """
    publish_many(
        3000,
        lambda number: {
            "title_en": "Sahel" if number % 10 else f"Rare word {number}",
            "lead_en": "Text",
            "language_published_en": True,
        },
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstattarget FROM pg_attribute WHERE attrelid = 'articles_article'::regclass"
            " AND attname LIKE 'search_vector_%%'"
        )
        assert [row[0] for row in cursor.fetchall()] == [1000, 1000]
        cursor.execute("ANALYZE articles_article")
    query = Query.parse("sahel")
    page = Results("en", query).kind("analysis").queryset(query, "en", ranked=False)[:12]
    plan = page.explain()
    # An index in date order (the readers' index at scale), with no reading of all matches.
    assert "Index Scan" in plan, plan
    assert "article_search_en" not in plan, plan
