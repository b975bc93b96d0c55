import io

import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict

from articles.models import Article, Author, Authorship, Indication, Section, Status, Topic
from news.models import NewsItem
from tests.factories import make_article
from tests.helpers import html
from translations.models import Fingerprint, TranslationState

MODELS = [
    Article,
    Author,
    Authorship,
    Topic,
    Section,
    Indication,
    NewsItem,
    TranslationState,
    Fingerprint,
]


def snapshot():
    return {
        model.__name__: sorted(
            (model_to_dict(obj, exclude=["authors", "topics"]) for obj in model.objects.all()),
            key=lambda row: row["id"],
        )
        for model in MODELS
    }


def seed(**options):
    # One worker: a second process could not see the rows of the test's transaction.
    call_command("seed_bench", verbosity=0, workers=1, stdout=io.StringIO(), **options)


def bench_articles():
    return Article.objects.filter(slug__startswith="bench-")


@pytest.fixture
def editors_content(demo):
    """The demo content and an editor's article whose slug merely begins with "bench"."""
    make_article(slug="benchmarks-of-gulf-economies", sections=1, points=2)
    return demo


def test_seed_bench_creates_the_articles_asked_for(editors_content):
    """N articles, with sections and numbered points, in Arabic and in English."""
    seed(articles=40)
    articles = bench_articles()
    assert articles.count() == 40
    assert not articles.filter(sections=None).exists()
    assert Indication.objects.filter(section__article__in=articles).exists()
    for code in ("ar", "en"):
        written = articles.published_in(code)
        assert written.exists(), code
        assert Section.objects.filter(
            article__in=written, **{f"heading_{code}__gt": "", f"body_{code}__gt": ""}
        ).exists()
        assert Indication.objects.filter(
            section__article__in=written, **{f"title_{code}__gt": "", f"body_{code}__gt": ""}
        ).exists()
    both = articles.published_in("ar").published_in("en")
    assert both.exists()
    assert not articles.filter(authors=None).exists()
    assert not articles.filter(topics=None).exists()
    assert Author.objects.filter(slug__startswith="bench-").exists()
    assert NewsItem.objects.filter(link__startswith="https://bench.invalid/").count() == 4


@pytest.mark.parametrize("language", ["ar", "en"])
def test_seeded_articles_are_found_by_search(editors_content, client, language):
    """bulk_create saves no search documents itself: the command writes them."""
    seed(articles=20)
    article = bench_articles().published_in(language).first()
    title = getattr(article, f"title_{language}")
    page = html(client.get(f"/{language}/search/", {"q": title}))
    found = [a["href"] for a in page.select(".search-result__title a")]
    assert article.url_in(language) in found


def test_seeded_article_page_shows_its_sections(editors_content, client):
    """A seeded article is a page like any other, with its sections."""
    seed(articles=10)
    article = bench_articles().published_in("en").first()
    response = client.get(article.url_in("en"))
    assert response.status_code == 200
    assert article.sections.first().heading_en in response.content.decode()


def test_remove_deletes_exactly_what_seed_bench_made(editors_content):
    """--remove leaves every other row as it was, however many runs added rows."""
    before = snapshot()
    seed(articles=25)
    seed(articles=15, seed=7)
    assert bench_articles().count() == 40
    call_command("seed_bench", remove=True, verbosity=0, stdout=io.StringIO())
    assert snapshot() == before


def test_remove_keeps_an_editors_news_item_that_announced_a_bench_article(editors_content):
    """The item stays and loses its link to the article, as a normal delete would do."""
    seed(articles=10)
    announced = bench_articles().filter(status=Status.PUBLISHED).first()
    item = NewsItem.objects.create(headline_en="Ours", article=announced, status=Status.PUBLISHED)
    call_command("seed_bench", remove=True, verbosity=0, stdout=io.StringIO())
    item.refresh_from_db()
    assert item.article is None
    assert not bench_articles().exists()


def test_seeded_documents_have_the_translation_state_the_site_would_give_them(editors_content):
    """bulk_create sends no signals: the command writes each document's state in each
    language, the same as translations/state.py computes, with the share of articles asked
    for out of date by one paragraph."""
    from django.contrib.contenttypes.models import ContentType

    from translations import state

    seed(articles=30, out_of_date=1.0)
    ids = list(bench_articles().values_list("pk", flat=True))
    content_type = ContentType.objects.get_for_model(Article)
    rows = TranslationState.objects.filter(document_type=content_type, document_id__in=ids)

    def seeded():
        return {
            (row.document_id, row.language): (row.state, row.missing_parts, row.out_of_date_parts)
            for row in rows
        }

    written = seeded()
    assert len(written) == 2 * len(ids)
    both = bench_articles().published_in("ar").published_in("en").values_list("pk", flat=True)
    stale = {pk for (pk, _language), (found, *_parts) in written.items() if found == "out-of-date"}
    assert stale and set(both) <= stale
    assert all(
        len(outdated) == 1
        for found, _missing, outdated in written.values()
        if found == "out-of-date"
    )
    state.refresh(Article, ids)
    assert seeded() == written
    for model in (Author, Topic, NewsItem):
        assert TranslationState.objects.filter(
            document_type=ContentType.objects.get_for_model(model)
        ).exists(), model
