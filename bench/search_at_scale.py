"""
Search at scale: seed a throwaway PostgreSQL database with many articles, then time the
search page and show the plan of its main query.

    .venv/bin/python bench/search_at_scale.py                  # 100,000 articles
    .venv/bin/python bench/search_at_scale.py --articles 5000 --runs 10 --keep
    .venv/bin/python bench/search_at_scale.py --reuse          # time again, no seeding

It creates the database named by --database on the server given by --server (or the
BENCH_POSTGRES environment variable), drops it at the end unless --keep, and prints
figures: seeding time, table and index sizes, p50/p95 of whole search pages per query,
and EXPLAIN ANALYZE of the analyses query. It measures; it never passes or fails.

The text is made of the demo articles' words plus invented ones, drawn with a Zipf
distribution so that some words are in nearly every article and most in a few, as in a
real archive: about 350 words per language per article, in a lead, two sections and
their points. 70% of articles are in both languages, 20% Arabic only, 10% English only;
5% are drafts and 5% scheduled for the future.
"""

import argparse
import datetime
import itertools
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
ENGLISH_SYLLABLES = [c + v for c in "bcdfglmnprstv" for v in "aeiou"]


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--database", default="helper_search_bench")
    parser.add_argument(
        "--server", default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    )
    parser.add_argument("--runs", type=int, default=30, help="timed runs of each query")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse", action="store_true", help="time searches on a database kept by --keep"
    )
    parser.add_argument("--seed", type=int, default=20180404)
    return parser.parse_args()


def admin_command(server, sql):
    connection = psycopg2.connect(f"{server}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql)
    connection.close()


class Vocabulary:
    """Words of one language, most frequent first, drawn with a Zipf distribution."""

    def __init__(self, real_words, invented, rng):
        words = list(dict.fromkeys(real_words)) + invented
        self.words = words
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))
        self.rng = rng

    def text(self, count):
        return " ".join(self.rng.choices(self.words, cum_weights=self.cumulative, k=count))

    def paragraph(self, count):
        return self.text(count).capitalize() + "."


def vocabularies(rng):
    # After django.setup(): the seeding command's module reads the demo content.
    from articles.management.commands.seed_bench import demo_texts

    texts = demo_texts()
    real = {code: re.findall(r"[^\W\d_]+", " ".join(parts)) for code, parts in texts.items()}
    invented_ar = {"".join(rng.choices(ARABIC_LETTERS, k=rng.randint(3, 6))) for _ in range(25_000)}
    invented_en = {
        "".join(rng.choices(ENGLISH_SYLLABLES, k=rng.randint(2, 4))) for _ in range(25_000)
    }
    return {
        "ar": Vocabulary(real["ar"], sorted(invented_ar - set(real["ar"])), rng),
        "en": Vocabulary([w.lower() for w in real["en"]], sorted(invented_en), rng),
    }


def seed(count, rng, words):
    from django.db import connection
    from django.utils import timezone

    from articles.models import Article, Author, Authorship, Indication, Section, Status
    from news.models import NewsItem
    from search.documents import rebuild
    from search.indexes import SearchIndex

    timings = {}
    started = time.perf_counter()
    authors = Author.objects.bulk_create(
        Author(
            slug=f"author-{number}",
            name_ar=words["ar"].text(2),
            name_en=words["en"].text(2).title(),
            honorific_ar="د.",
            honorific_en="Dr.",
            bio_ar=words["ar"].paragraph(40),
            bio_en=words["en"].paragraph(40),
        )
        for number in range(300)
    )
    now = timezone.now()
    batch = 2000
    for start in range(0, count, batch):
        articles = []
        for number in range(start, min(start + batch, count)):
            roll = rng.random()
            languages = ("ar", "en") if roll < 0.7 else ("ar",) if roll < 0.9 else ("en",)
            roll = rng.random()
            status = Status.DRAFT if roll < 0.05 else Status.PUBLISHED
            published_at = now - datetime.timedelta(hours=number)
            if 0.05 <= roll < 0.10:
                published_at = now + datetime.timedelta(days=rng.randint(1, 30))
            fields = {}
            for code in languages:
                vocabulary = words[code]
                fields.update(
                    {
                        f"kicker_{code}": vocabulary.text(2),
                        f"title_{code}": vocabulary.text(rng.randint(5, 10)),
                        f"summary_{code}": vocabulary.paragraph(25),
                        f"lead_{code}": "\n\n".join(vocabulary.paragraph(40) for _ in range(2)),
                        f"language_published_{code}": True,
                    }
                )
            articles.append(
                Article(slug=f"a-{number}", status=status, published_at=published_at, **fields)
            )
        articles = Article.objects.bulk_create(articles)
        sections = Section.objects.bulk_create(
            Section(
                article=article,
                position=position,
                **{
                    f"{name}_{code}": words[code].paragraph(size)
                    for code in article.languages
                    for name, size in (("heading", 3), ("body", 50), ("closing", 20))
                },
            )
            for article in articles
            for position in range(2)
        )
        Indication.objects.bulk_create(
            Indication(
                section=section,
                position=position,
                **{
                    f"{name}_{code}": words[code].paragraph(size)
                    for code in section.article.languages
                    for name, size in (("title", 4), ("body", 35))
                },
            )
            for section in sections
            for position in range(2)
        )
        Authorship.objects.bulk_create(
            Authorship(article=article, author=author, position=position)
            for article in articles
            for position, author in enumerate(rng.sample(authors, rng.choice((1, 1, 1, 2))))
        )
        print(f"  inserted {start + len(articles):,} articles", end="\r", flush=True)
    NewsItem.objects.bulk_create(
        NewsItem(
            status=Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=3 * number),
            headline_ar=words["ar"].text(10),
            headline_en=words["en"].text(10),
            body_en=words["en"].paragraph(30),
            body_ar=words["ar"].paragraph(30),
        )
        for number in range(count // 20)
    )
    timings["insert rows"] = time.perf_counter() - started

    # A bulk load does what an operator would: write the documents first and build the
    # GIN indexes afterwards, rather than update them row by row.
    search_indexes = [
        (model, index)
        for model in (Article, NewsItem)
        for index in model._meta.indexes
        if isinstance(index, SearchIndex)
    ]
    with connection.schema_editor() as editor:
        for model, index in search_indexes:
            editor.remove_index(model, index)
    started = time.perf_counter()
    rebuild(Author.objects.all())
    rebuild(NewsItem.objects.all())
    pks = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    step = 5000
    for start in range(0, count, step):
        rebuild(Article.objects.filter(pk__in=pks[start : start + step]))
        print(f"  indexed {min(start + step, count):,} articles ", end="\r", flush=True)
    timings["build search documents"] = time.perf_counter() - started
    started = time.perf_counter()
    with connection.schema_editor() as editor:
        for model, index in search_indexes:
            editor.add_index(model, index)
    timings["create GIN indexes"] = time.perf_counter() - started
    return timings


def main():
    arguments = parse_arguments()
    rng = random.Random(arguments.seed)
    if not arguments.reuse:
        admin_command(arguments.server, f'DROP DATABASE IF EXISTS "{arguments.database}"')
        admin_command(arguments.server, f'CREATE DATABASE "{arguments.database}"')
    os.environ["DATABASE_URL"] = f"{arguments.server}/{arguments.database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thinktank.settings")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import RequestFactory
    from django.utils import translation

    from search.queries import Query
    from search.results import MAX_RANKED, Results
    from search.views import search

    try:
        words = vocabularies(rng)
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        timings = {"migrate": time.perf_counter() - started}
        if not arguments.reuse:
            print(f"Seeding {arguments.articles:,} articles into {arguments.database}…")
            timings.update(seed(arguments.articles, rng, words))
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
            timings["vacuum analyze"] = time.perf_counter() - started
            print(" " * 40)
            print("Seeding")
            for name, seconds in timings.items():
                print(f"  {name:<24} {seconds:8.1f} s")

        print("Sizes")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*), pg_size_pretty(pg_database_size(current_database())) "
                "FROM articles_article"
            )
            articles, database_size = cursor.fetchone()
            print(f"  {'articles':<24} {articles:>10,}")
            print(f"  {'whole database':<24} {database_size:>10}")
            for relation in [
                "articles_article",
                "articles_section",
                "articles_indication",
                "article_search_ar",
                "article_search_en",
                "newsitem_search_ar",
            ]:
                cursor.execute("SELECT pg_size_pretty(pg_total_relation_size(%s))", [relation])
                print(f"  {relation:<24} {cursor.fetchone()[0]:>10}")
            cursor.execute(
                "SELECT pg_size_pretty(sum(pg_column_size(search_text_ar) + pg_column_size("
                "search_text_en) + pg_column_size(search_document_ar) + pg_column_size("
                "search_document_en) + pg_column_size(search_vector_ar) + pg_column_size("
                "search_vector_en))) FROM articles_article"
            )
            print(f"  {'search columns (stored)':<24} {cursor.fetchone()[0]:>10}")

        ar, en = words["ar"].words, words["en"].words
        queries = [
            ("ar", ar[3], "very common word"),
            ("ar", f"وال{ar[400]}", "common word with و + ال"),
            ("ar", ar[2000], "uncommon word"),
            ("ar", ar[15_000], "rare word"),
            ("ar", f"{ar[400]} {ar[1500]}", "two words"),
            ("ar", "سُورِيَا", "real word with diacritics"),
            ("en", en[5], "very common word"),
            ("en", en[400] + "s", "common word, plural"),
            ("en", en[15_000], "rare word"),
            ("en", f"{en[300]} {en[1200]}", "two words"),
            ("en", "zzzqqq", "no match"),
        ]
        # The view itself, without middleware: a page cache in front of it would time
        # the cache, not the search.
        requests = RequestFactory(HTTP_HOST="localhost")

        def page(language, text):
            with translation.override(language):
                response = search(requests.get(f"/{language}/search/", {"q": text}))
            return response

        print(
            f"Search page (the view, no cache), first run then {arguments.runs} runs after "
            "2 warm-up runs (milliseconds)"
        )
        print(
            f"  {'lang':<4} {'query':<28} {'results':>8} {'first':>7} {'p50':>7} {'p95':>7}  what"
        )
        every = []
        for language, text, label in queries:
            started = time.perf_counter()
            page(language, text)
            first = (time.perf_counter() - started) * 1000
            for _ in range(2):
                page(language, text)
            times = []
            for _ in range(arguments.runs):
                started = time.perf_counter()
                response = page(language, text)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
            every += times
            found = Results(language, Query.parse(text)).count()
            p95 = statistics.quantiles(times, n=20)[18]
            print(
                f"  {language:<4} {text[:28]:<28} {found:>8,} {first:7.1f} "
                f"{statistics.median(times):7.1f} {p95:7.1f}  {label}"
            )
        print(
            f"  all queries: p50 {statistics.median(every):.1f} ms, "
            f"p95 {statistics.quantiles(every, n=20)[18]:.1f} ms"
        )

        # What the page runs for its analyses: ranked when MAX_RANKED or fewer match.
        for language, text in [("ar", ar[15_000]), ("ar", f"وال{ar[400]}"), ("en", en[5])]:
            query = Query.parse(text)
            results = Results(language, query)
            articles = results.kind("analysis")
            count = results.counts[results.kinds.index(articles)]
            ranked = count <= MAX_RANKED
            order = "best first" if ranked else "newest first"
            print(f"EXPLAIN ANALYZE: count of analyses for {text!r}, stopping at {MAX_RANKED + 1}")
            print(articles.matches.order_by()[: MAX_RANKED + 1].explain(analyze=True))
            print(f"EXPLAIN ANALYZE: first page of analyses for {text!r} ({order})")
            queryset = articles.queryset(query, language, ranked=ranked)
            print(queryset[:12].explain(analyze=True, buffers=True))
    finally:
        connection.close()
        if not (arguments.keep or arguments.reuse):
            admin_command(arguments.server, f'DROP DATABASE IF EXISTS "{arguments.database}"')


if __name__ == "__main__":
    main()
