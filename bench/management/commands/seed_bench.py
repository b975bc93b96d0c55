"""
Fill a database with many bilingual articles for benchmarks, and remove them again.

    manage.py seed_bench --articles 100000     # add 100,000 articles (and authors, news…)
    manage.py seed_bench --remove              # delete every row seed_bench made

Every row it makes can be told from an editor's: articles, authors and topics have slugs
starting with `bench-`, news items link to `https://bench.invalid/news/…`. `--remove`
deletes exactly those rows (and the sections, points, bylines and topic links of the
bench articles) in one transaction: if anything else still refers to them, it deletes
nothing.

The text is made of the demo article's words and invented ones, drawn with a Zipf
distribution (a few words in nearly every article, most in a few), in paragraphs of the
reference article's sizes: about 900 words per language, a lead of one or two paragraphs,
two to four sections, some with numbered points and closing text. 70% of articles are
written in both languages, 20% in Arabic only, 10% in English only; 91% are published,
dated over the years since 2010 (1% of those scheduled for the coming weeks), the rest
drafts, in review or unpublished. Authors and topics are drawn with a Zipf distribution
too, so that a few have tens of thousands of articles and most have a few hundred.

bulk_create() sends no signals, so the command writes the search documents itself with
the search app's rebuild() (search/documents.py) and the translation desk's states
(translations/bulk.py) batch by batch, and makes readers' cached listings stale at the
end. 2% of the articles written in both languages (--out-of-date) are out of date in
their translation: the fingerprint of one paragraph holds the text its original had before
a correction (a sentence since removed), as translations/state.py would have kept it. On
PostgreSQL a large run drops the GIN search indexes first and builds them again at the
end (much faster than updating them row by row); a run that was killed half-way leaves
them missing, and the next run of the command builds them.
"""

import collections
import datetime
import itertools
import json
import multiprocessing
import queue
import random
import re
import time
import traceback
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections, transaction
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm

from articles.models import Article, Author, Authorship, Indication, Section, Status, Topic
from core import caching
from news.models import NEWS_CACHE_TAG, NewsItem
from search.documents import rebuild
from search.indexes import SearchIndex
from translations.bulk import write_states
from translations.models import Fingerprint, TranslationState
from translations.state import digest

PREFIX = "bench-"
NEWS_LINK = "https://bench.invalid/news/"
CONTENT = Path(__file__).resolve().parents[3] / "articles" / "demo" / "content.json"
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
FIRST_YEAR = 2010
# Below this many articles, updating the GIN indexes row by row costs less than
# building them again.
DEFER_INDEXES_FROM = 5000
# The share of articles in both languages whose translation is made out of date.
OUT_OF_DATE = 0.02

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةأإى"
ENGLISH_SYLLABLES = [c + v for c in "bcdfghklmnprstvwz" for v in "aeiou"] + ["th", "ch", "sh"]

# Authors' names: (Arabic, English) pairs, each first name with each family name.
FIRST_NAMES = [
    ("أحمد", "Ahmed"), ("محمد", "Mohamed"), ("سارة", "Sara"), ("ليلى", "Leila"),
    ("إبراهيم", "Ibrahim"), ("نبيل", "Nabil"), ("حمدي", "Hamdy"), ("منى", "Mona"),
    ("خالد", "Khaled"), ("عمر", "Omar"), ("هالة", "Hala"), ("يوسف", "Youssef"),
    ("رانيا", "Rania"), ("طارق", "Tarek"), ("نادية", "Nadia"), ("كريم", "Karim"),
    ("دينا", "Dina"), ("مصطفى", "Mostafa"), ("ريم", "Reem"), ("علي", "Ali"),
    ("فاطمة", "Fatima"), ("حسن", "Hassan"), ("نور", "Nour"), ("سامي", "Sami"),
]  # fmt: skip
FEMININE = {"Sara", "Leila", "Mona", "Hala", "Rania", "Nadia", "Dina", "Reem", "Fatima", "Nour"}
FAMILY_NAMES = [
    ("فوزي", "Fawzy"), ("فهمي", "Fahmy"), ("عبدالرحمن", "Abdelrahman"), ("سالم", "Salem"),
    ("الشريف", "El-Sherif"), ("منصور", "Mansour"), ("حداد", "Haddad"), ("النجار", "El-Naggar"),
    ("القاسم", "Al-Qasim"), ("يونس", "Younes"), ("عيسى", "Issa"), ("بدران", "Badran"),
    ("العلي", "Al-Ali"), ("زيدان", "Zidan"), ("رشيد", "Rashid"), ("حمدان", "Hamdan"),
    ("الخطيب", "El-Khatib"), ("سعيد", "Said"), ("شاهين", "Shaheen"), ("جابر", "Gaber"),
]  # fmt: skip
HONORIFICS = [("", ""), ("د.", "Dr."), ("د.", "Dr."), ("أ. د.", "Prof."), ("معالي", "H.E.")]
POSITIONS = [
    ("باحث أول", "Senior researcher"),
    ("باحث", "Researcher"),
    ("رئيس وحدة الدراسات الأمنية", "Head of the security studies unit"),
    ("أستاذ العلوم السياسية", "Professor of political science"),
    ("خبير في الشؤون الاقتصادية", "Expert in economic affairs"),
    ("وزير خارجية سابق", "Former foreign minister"),
]
TOPICS = [
    ("الإرهاب", "Terrorism"), ("الأمن الإقليمي", "Regional Security"), ("الطاقة", "Energy"),
    ("الاقتصاد العالمي", "Global Economy"), ("التكنولوجيا", "Technology"),
    ("الذكاء الاصطناعي", "Artificial Intelligence"), ("الخليج", "The Gulf"),
    ("الشرق الأوسط", "Middle East"), ("إفريقيا", "Africa"), ("آسيا", "Asia"),
    ("أوروبا", "Europe"), ("الولايات المتحدة", "United States"), ("روسيا", "Russia"),
    ("الصين", "China"), ("المناخ", "Climate"), ("الهجرة", "Migration"),
    ("الانتخابات", "Elections"), ("الأمن السيبراني", "Cybersecurity"), ("المياه", "Water"),
    ("الغذاء", "Food Security"), ("الصحة العامة", "Public Health"), ("التعليم", "Education"),
    ("الإعلام", "Media"), ("الدفاع", "Defence"), ("التجارة", "Trade"), ("النفط", "Oil"),
    ("الشباب", "Youth"), ("المدن", "Cities"), ("الفضاء", "Space"), ("الديون", "Debt"),
    ("الأسواق الناشئة", "Emerging Markets"), ("النقل", "Transport"), ("الثقافة", "Culture"),
    ("الدبلوماسية", "Diplomacy"), ("حقوق الإنسان", "Human Rights"), ("العملات", "Currencies"),
    ("سوريا", "Syria"), ("اليمن", "Yemen"), ("ليبيا", "Libya"), ("الساحل", "The Sahel"),
]  # fmt: skip
MAGAZINES = [("اتجاهات آسيوية", "Asian Trends"), ("اتجاهات الأحداث", "Trends of Events")]


class Writer:
    """
    Text in one language: the demo content's words, most frequent first, then invented
    ones, drawn with a Zipf distribution. Paragraphs and short phrases come from pools
    made once, so that 100,000 articles cost seconds of text-making; titles, summaries
    and slugs are made one by one.
    """

    def __init__(self, language, real_words, rng, invented=20_000, pool=3_000):
        self.language, self.rng = language, rng
        if language == "ar":
            made = {self._arabic_word() for _ in range(invented)}
        else:
            syllables = ENGLISH_SYLLABLES
            made = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(invented)}
        self.words = real_words + sorted(made - set(real_words))
        self.weights = list(
            itertools.accumulate(1 / rank for rank in range(1, len(self.words) + 1))
        )
        self.paragraphs = [self.paragraph(rng.randint(30, 75)) for _ in range(pool)]
        self.phrases = [self.phrase(rng.randint(2, 5)) for _ in range(pool)]

    def _arabic_word(self):
        word = "".join(self.rng.choices(ARABIC_LETTERS, k=self.rng.randint(3, 6)))
        # The article and the conjunctions glued to words, as Arabic writes them.
        return self.rng.choices(["", "ال", "وال", "ب", "و"], weights=[60, 25, 5, 5, 5])[0] + word

    def draw(self, count):
        return self.rng.choices(self.words, cum_weights=self.weights, k=count)

    def phrase(self, count):
        words = self.draw(count)
        if self.language == "en":
            return " ".join(word.capitalize() for word in words)
        return " ".join(words)

    def sentence(self, count):
        words = self.draw(count)
        if self.language == "en":
            words[0] = words[0].capitalize()
        elif len(words) > 8:
            words[len(words) // 2] += "،"
        return " ".join(words) + "."

    def paragraph(self, count):
        sentences, left = [], count
        while left > 0:
            size = min(left, self.rng.randint(8, 24))
            sentences.append(self.sentence(size))
            left -= size
        return " ".join(sentences)

    def some_paragraphs(self, low, high):
        return "\n\n".join(self.rng.sample(self.paragraphs, self.rng.randint(low, high)))


def demo_texts():
    """Every text of the demo content, per language: {"ar": [...], "en": [...]}."""
    content = json.loads(CONTENT.read_text(encoding="utf-8"))
    texts = {code: [] for code in LANGUAGES}

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in texts and isinstance(item, str | list):
                    texts[key].append(item if isinstance(item, str) else " ".join(item))
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(content)
    return texts


def demo_words():
    """The words of the demo content in each language, most frequent first."""
    texts = demo_texts()
    words = {}
    for code, parts in texts.items():
        found = re.findall(r"[^\W\d_]+", " ".join(parts))
        if code == "en":
            found = [word.lower() for word in found]
        words[code] = [word for word, _count in collections.Counter(found).most_common()]
    return words


def bench_rows(model):
    """The primary keys of `model`'s bench rows. The prefix is checked again in Python:
    SQLite's LIKE ignores case, and an editor's "Bench-…" is not ours."""
    field, prefix = ("link", NEWS_LINK) if model is NewsItem else ("slug", PREFIX)
    rows = model.objects.filter(**{f"{field}__startswith": prefix}).values_list("pk", field)
    return [pk for pk, value in rows if value.startswith(prefix)]


def raw_delete(queryset):
    """
    Delete the rows of `queryset` in one statement. Django's delete() would send signals
    for every row, and the search and cache receivers would rebuild documents and bump
    versions one row at a time, for rows on their way out. Nothing cascades here: a row
    that something else still refers to makes the transaction fail.
    """
    model = queryset.model
    subquery, params = queryset.values("pk").query.sql_with_params()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(model._meta.pk.column)} IN ({subquery})",
            params,
        )
        return cursor.rowcount


def chunks(values, size):
    values = list(values)
    return (values[start : start + size] for start in range(0, len(values), size))


def search_indexes():
    """The GIN indexes of the search vectors, as the models declare them."""
    return [
        (model, index)
        for model in (Article, NewsItem)
        for index in model._meta.indexes
        if isinstance(index, SearchIndex)
    ]


def missing_search_indexes():
    with connection.cursor() as cursor:
        present = {
            model: connection.introspection.get_constraints(cursor, model._meta.db_table)
            for model in (Article, NewsItem)
        }
    return [(model, index) for model, index in search_indexes() if index.name not in present[model]]


class Command(BaseCommand):
    help = (
        "Add many realistic bilingual articles (with authors, topics, sections, numbered "
        "points and news) for benchmarks, or delete every row it made with --remove."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000, help="how many articles to add")
        parser.add_argument(
            "--authors", type=int, help="how many authors (default: one per 100 articles)"
        )
        parser.add_argument("--topics", type=int, default=len(TOPICS), help="how many topics")
        parser.add_argument(
            "--news", type=int, help="how many news items (default: one per 10 articles)"
        )
        parser.add_argument("--batch-size", type=int, default=500, help="articles per batch")
        parser.add_argument(
            "--workers",
            type=int,
            help="processes inserting at once (default: 2 on PostgreSQL, 1 on SQLite, "
            "which allows one writer at a time)",
        )
        parser.add_argument("--seed", type=int, default=20180404, help="random seed")
        parser.add_argument(
            "--out-of-date",
            type=float,
            default=OUT_OF_DATE,
            help="the share of articles in both languages whose translation is out of date",
        )
        parser.add_argument(
            "--remove", action="store_true", help="delete every row seed_bench made, and stop"
        )

    def handle(self, *args, **options):
        self.progress = options["verbosity"] > 0
        if options["remove"]:
            return self.remove()
        count = options["articles"]
        if count < 1:
            raise CommandError("--articles must be at least 1.")
        postgresql = connection.vendor == "postgresql"
        workers = 1 if not postgresql else max(1, options["workers"] or 2)
        started = time.perf_counter()
        self.seed = options["seed"]
        self.rng = random.Random(self.seed)
        words = demo_words()
        self.writers = {code: Writer(code, words[code], self.rng) for code in LANGUAGES}
        self.now = timezone.now()
        # Seconds spent writing translation states, summed over the workers.
        self.state_seconds = 0.0
        self.out_of_date = options["out_of_date"]
        timings = {}

        if postgresql:
            # Indexes that a killed run dropped come back first, whatever this run does.
            self.add_indexes(missing_search_indexes())
        with transaction.atomic():
            topics = self.make_topics(min(options["topics"], len(TOPICS)))
            authors = self.make_authors(options["authors"] or max(10, count // 100))
        deferred = search_indexes() if postgresql and count >= DEFER_INDEXES_FROM else []
        try:
            if deferred:
                with connection.schema_editor() as editor:
                    for model, index in deferred:
                        editor.remove_index(model, index)
            step = time.perf_counter()
            self.make_articles(count, authors, topics, options["batch_size"], workers)
            timings["articles"] = time.perf_counter() - step
            step = time.perf_counter()
            news = options["news"] if options["news"] is not None else count // 10
            self.make_news(news, options["batch_size"])
            timings["news"] = time.perf_counter() - step
        finally:
            step = time.perf_counter()
            self.add_indexes(deferred)
            timings["search indexes"] = time.perf_counter() - step
        if postgresql:
            step = time.perf_counter()
            # Fresh statistics, so that the planner knows the tables grew a hundredfold.
            with connection.cursor() as cursor:
                for model in (
                    Article,
                    Section,
                    Indication,
                    Authorship,
                    NewsItem,
                    Author,
                    TranslationState,
                    Fingerprint,
                ):
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
                cursor.execute(
                    f"ANALYZE {connection.ops.quote_name(Article.topics.through._meta.db_table)}"
                )
            timings["analyze"] = time.perf_counter() - step
        # bulk_create sends no signals: make readers' cached listings and news stale.
        caching.bump(caching.LISTINGS, NEWS_CACHE_TAG)
        seconds = time.perf_counter() - started
        steps = ", ".join(f"{name} {value:.0f} s" for name, value in timings.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {count:,} articles, {len(authors)} authors, {len(topics)} topics and "
                f"{news:,} news items in {seconds:.0f} s ({steps}; {workers} worker"
                f"{'s' if workers > 1 else ''}; of which translation states "
                f"{self.state_seconds:.0f} s, summed over the workers)."
            )
        )

    def add_indexes(self, indexes):
        if not indexes:
            return
        with connection.schema_editor() as editor:
            for model, index in indexes:
                if self.progress:
                    self.stderr.write(f"Building the search index {index.name}…")
                editor.add_index(model, index)

    # Making

    def make_topics(self, count):
        existing = {topic.slug: topic for topic in Topic.objects.filter(slug__startswith=PREFIX)}
        topics = []
        for rank, (ar, en) in enumerate(TOPICS[:count], start=1):
            slug = f"{PREFIX}{slugify(en)}"
            topic = existing.get(slug) or Topic(slug=slug, name_ar=ar, name_en=en)
            # A few topics hold a large share of the archive, most a small one.
            topic.weight = 1 / rank
            topics.append(topic)
        new = Topic.objects.bulk_create([topic for topic in topics if topic.pk is None])
        self.write_states(Topic, [topic.pk for topic in new])
        return topics

    def make_authors(self, count):
        existing = {a.slug: a for a in Author.objects.filter(slug__startswith=PREFIX)}
        names = list(itertools.product(FIRST_NAMES, FAMILY_NAMES))
        authors = []
        for number in range(count):
            slug = f"{PREFIX}author-{number + 1:04d}"
            if slug in existing:
                authors.append(existing[slug])
                continue
            (first_ar, first_en), (family_ar, family_en) = names[number % len(names)]
            honorific = self.rng.choice(HONORIFICS)
            position = self.rng.choice(POSITIONS)
            authors.append(
                Author(
                    slug=slug,
                    name_ar=f"{first_ar} {family_ar}",
                    name_en=f"{first_en} {family_en}",
                    honorific_ar=honorific[0],
                    honorific_en=honorific[1],
                    position_ar=position[0],
                    position_en=position[1],
                    bio_ar=self.writers["ar"].some_paragraphs(1, 1),
                    bio_en=self.writers["en"].some_paragraphs(1, 1),
                    gender=Author.Gender.FEMININE
                    if first_en in FEMININE
                    else Author.Gender.MASCULINE,
                )
            )
        new = Author.objects.bulk_create([author for author in authors if author.pk is None])
        rebuild(Author.objects.filter(pk__in=[author.pk for author in new]))
        self.write_states(Author, [author.pk for author in new])
        for rank, author in enumerate(authors, start=1):
            # A few prolific authors (the center's senior staff), many occasional ones.
            author.weight = 1 / rank
        return authors

    def make_articles(self, count, authors, topics, batch_size, workers):
        """Insert the articles in batches, in `workers` processes taking turns at batches."""
        first = len(bench_rows(Article)) + 1  # a second run adds to the first
        batches = [
            range(start, min(start + batch_size, first + count))
            for start in range(first, first + count, batch_size)
        ]
        bar = tqdm(total=count, unit="article", disable=not self.progress, desc="articles")
        if workers == 1:
            for batch in batches:
                bar.update(self.make_batch(batch, authors, topics))
            bar.close()
            return
        # Each process opens its own connection; none may inherit the parent's.
        connections.close_all()
        context = multiprocessing.get_context("fork")
        reports = context.Queue()
        processes = [
            context.Process(
                target=self.worker,
                args=(number, batches[number::workers], authors, topics, reports),
            )
            for number in range(workers)
        ]
        for process in processes:
            process.start()
        failures = []
        try:
            while any(process.is_alive() for process in processes) or not reports.empty():
                try:
                    kind, value = reports.get(timeout=0.5)
                except queue.Empty:
                    continue
                if kind == "done":
                    bar.update(value)
                elif kind == "states":
                    self.state_seconds += value
                else:
                    failures.append(value)
        finally:
            for process in processes:
                process.join()
            bar.close()
        if failures or any(process.exitcode for process in processes):
            raise CommandError("A worker failed:\n" + "\n".join(failures))

    def worker(self, number, batches, authors, topics, reports):
        # Each worker draws its own sequence, the same on every run with the same --seed.
        self.rng = random.Random(self.seed * 100 + number + 1)
        for writer in self.writers.values():
            writer.rng = self.rng
        try:
            for batch in batches:
                reports.put(("done", self.make_batch(batch, authors, topics)))
            reports.put(("states", self.state_seconds))
        except Exception:
            reports.put(("failed", traceback.format_exc()))
            raise
        finally:
            connections.close_all()

    def make_batch(self, numbers, authors, topics):
        rng = self.rng
        author_weights = list(itertools.accumulate(author.weight for author in authors))
        topic_weights = list(itertools.accumulate(topic.weight for topic in topics))
        through = Article.topics.through
        with transaction.atomic():
            articles = Article.objects.bulk_create([self.article(n) for n in numbers])
            sections = Section.objects.bulk_create(
                section for article in articles for section in self.sections_of(article)
            )
            Indication.objects.bulk_create(
                point for section in sections for point in self.points_of(section)
            )
            bylines, tags = [], []
            for article in articles:
                byline = rng.choices(
                    authors, cum_weights=author_weights, k=rng.choice((1, 1, 2, 3))
                )
                bylines += [
                    Authorship(article=article, author=author, position=position)
                    for position, author in enumerate(dict.fromkeys(byline))
                ]
                picked = rng.choices(topics, cum_weights=topic_weights, k=rng.randint(1, 3))
                tags += [through(article=article, topic=topic) for topic in dict.fromkeys(picked)]
            Authorship.objects.bulk_create(bylines)
            through.objects.bulk_create(tags)
            # bulk_create bypasses save() and its signals: write the search documents
            # and the translation states.
            rebuild(Article.objects.filter(pk__in=[a.pk for a in articles]))
            self.make_out_of_date(articles, sections)
            self.write_states(Article, [article.pk for article in articles])
        return len(articles)

    def make_out_of_date(self, articles, sections):
        """For a few articles in both languages, the fingerprint of their first section's
        text as its translator saw it: the original with a sentence since removed."""
        first = {}
        for section in sections:
            first.setdefault(section.article_id, section)
        content_type = ContentType.objects.get_for_model(Article)
        fingerprints = []
        for article in articles:
            if len(article.languages) < 2 or self.rng.random() >= self.out_of_date:
                continue
            section = first[article.pk]
            source = article.original_language
            target = next(code for code in LANGUAGES if code != source)
            removed = self.writers[source].sentence(self.rng.randint(8, 16))
            fingerprints.append(
                Fingerprint(
                    document_type=content_type,
                    document_id=article.pk,
                    part=f"section:{section.pk}:body",
                    language=target,
                    source_text=f"{getattr(section, f'body_{source}')} {removed}",
                    target_digest=digest(getattr(section, f"body_{target}")),
                )
            )
        Fingerprint.objects.bulk_create(fingerprints)

    def write_states(self, model, ids):
        started = time.perf_counter()
        write_states(model, ids)
        self.state_seconds += time.perf_counter() - started

    def article(self, number):
        rng = self.rng
        roll = rng.random()
        languages = ("ar", "en") if roll < 0.7 else ("ar",) if roll < 0.9 else ("en",)
        roll = rng.random()
        if roll < 0.91:
            status = Status.PUBLISHED
        elif roll < 0.95:
            status = Status.DRAFT
        elif roll < 0.98:
            status = Status.REVIEW
        else:
            status = Status.UNPUBLISHED
        span = (self.now - datetime.datetime(FIRST_YEAR, 1, 1, tzinfo=datetime.UTC)).total_seconds()
        published_at = self.now - datetime.timedelta(seconds=rng.random() * span)
        if status == Status.PUBLISHED and rng.random() < 0.01:  # scheduled
            published_at = self.now + datetime.timedelta(hours=rng.randint(1, 24 * 60))
        elif status == Status.DRAFT and rng.random() < 0.5:
            published_at = None
        fields = {}
        for code in languages:
            writer = self.writers[code]
            fields.update(
                {
                    f"kicker_{code}": rng.choice(writer.phrases),
                    f"title_{code}": writer.sentence(rng.randint(5, 11))[:-1],
                    f"summary_{code}": writer.sentence(rng.randint(20, 32)),
                    f"lead_{code}": writer.some_paragraphs(1, 2),
                    # Now and then a translation is written but not yet released.
                    f"language_published_{code}": status == Status.PUBLISHED
                    and not (len(languages) == 2 and code == "en" and rng.random() < 0.03),
                }
            )
        title = fields.get("title_en") or fields["title_ar"]
        words = slugify(" ".join(title.split()[:6]), allow_unicode=True)
        return Article(
            slug=f"{PREFIX}{number:06d}-{words}"[:200],
            status=status,
            published_at=published_at,
            original_language="en" if languages == ("en",) or rng.random() < 0.15 else "ar",
            **fields,
        )

    def sections_of(self, article):
        rng = self.rng
        sections = []
        for position in range(rng.choice((2, 3, 3, 3, 4))):
            points = rng.choice((0, 0, 0, 2, 3, 4, 5))
            closing = points and rng.random() < 0.5
            fields = {}
            for code in article.languages:
                writer = self.writers[code]
                fields[f"heading_{code}"] = rng.choice(writer.phrases)
                fields[f"body_{code}"] = writer.some_paragraphs(1, 1 if points else 3)
                fields[f"closing_{code}"] = writer.some_paragraphs(1, 1) if closing else ""
            section = Section(article=article, position=position, **fields)
            section.points = points
            sections.append(section)
        return sections

    def points_of(self, section):
        rng = self.rng
        points = []
        for position in range(section.points):
            fields = {}
            for code in section.article.languages:
                writer = self.writers[code]
                # Some lead phrases end with a period, some run on into the text.
                fields[f"title_{code}"] = rng.choice(writer.phrases) + rng.choice((".", ""))
                fields[f"body_{code}"] = writer.some_paragraphs(1, 2)
            points.append(Indication(section=section, position=position, **fields))
        return points

    def make_news(self, count, batch_size):
        """Center news: most items announce a bench article, the others a magazine issue."""
        rng = self.rng
        first = len(bench_rows(NewsItem)) + 1
        published = [
            pk
            for pk, slug in Article.objects.filter(slug__startswith=PREFIX, status=Status.PUBLISHED)
            .exclude(published_at=None)
            .values_list("pk", "slug")
            if slug.startswith(PREFIX)
        ]
        bar = tqdm(total=count, unit="item", disable=not self.progress, desc="news")
        for start in range(first, first + count, batch_size):
            numbers = range(start, min(start + batch_size, first + count))
            announced = rng.sample(published, min(len(published), len(numbers)))
            articles = with_first_author(announced)
            items = []
            for number in numbers:
                item = NewsItem(status=Status.PUBLISHED, link=f"{NEWS_LINK}{number}")
                if articles and rng.random() < 0.8:
                    article, author = articles.pop()
                    item.article_id, item.published_at = article.pk, article.published_at
                    for code in article.languages:
                        setattr(item, f"headline_{code}", headline(article, author, code))
                else:
                    item.published_at = self.now - datetime.timedelta(
                        days=rng.randint(0, 365 * (self.now.year - FIRST_YEAR))
                    )
                    magazine, issue = rng.choice(MAGAZINES), rng.randint(1, 60)
                    item.headline_ar = f'مركز المستقبل يتيح العدد {issue} من مجلة "{magazine[0]}"'
                    item.headline_en = f"Future Center releases issue {issue} of {magazine[1]}"
                    item.body_ar = self.writers["ar"].some_paragraphs(1, 1)
                    item.body_en = self.writers["en"].some_paragraphs(1, 1)
                items.append(item)
            with transaction.atomic():
                items = NewsItem.objects.bulk_create(items)
                rebuild(NewsItem.objects.filter(pk__in=[item.pk for item in items]))
                self.write_states(NewsItem, [item.pk for item in items])
            bar.update(len(items))
        bar.close()

    # Removing

    def remove(self):
        started = time.perf_counter()
        articles = bench_rows(Article)
        authors = bench_rows(Author)
        topics = bench_rows(Topic)
        news = bench_rows(NewsItem)
        bylined = Authorship.objects.filter(author__in=authors).values_list(
            "article_id", "article__slug"
        )
        ours = set(articles)
        others = sorted({slug for pk, slug in bylined if pk not in ours})
        if others:
            slugs = ", ".join(others[:5])
            raise CommandError(
                f"Articles not made by seed_bench have bench authors in their byline ({slugs}…): "
                "remove those authors from them first. Nothing was deleted."
            )
        counts = dict.fromkeys(["articles", "sections", "points", "news items"], 0)
        through = Article.topics.through
        bar = tqdm(total=len(articles), unit="article", disable=not self.progress, desc="removing")
        # One transaction: if anything else still refers to a bench row, nothing is deleted.
        with transaction.atomic():
            for chunk in chunks(news, 500):
                counts["news items"] += raw_delete(NewsItem.objects.filter(pk__in=chunk))
            for chunk in chunks(articles, 500):
                # An editor's news item announcing a bench article loses the link, as
                # Django's SET_NULL would do.
                NewsItem.objects.filter(article__in=chunk).update(article=None)
                counts["points"] += raw_delete(
                    Indication.objects.filter(section__article__in=chunk)
                )
                counts["sections"] += raw_delete(Section.objects.filter(article__in=chunk))
                raw_delete(Authorship.objects.filter(article__in=chunk))
                raw_delete(through.objects.filter(article__in=chunk))
                counts["articles"] += raw_delete(Article.objects.filter(pk__in=chunk))
                bar.update(len(chunk))
            raw_delete(through.objects.filter(topic__in=topics))
            counts["topics"] = raw_delete(Topic.objects.filter(pk__in=topics))
            counts["authors"] = raw_delete(Author.objects.filter(pk__in=authors))
            # Their translation states and fingerprints go with them.
            for model, pks in (
                (Article, articles),
                (NewsItem, news),
                (Topic, topics),
                (Author, authors),
            ):
                content_type = ContentType.objects.get_for_model(model)
                for chunk in chunks(pks, 5000):
                    for kept in (TranslationState, Fingerprint):
                        raw_delete(
                            kept.objects.filter(document_type=content_type, document_id__in=chunk)
                        )
        bar.close()
        caching.bump(caching.LISTINGS, NEWS_CACHE_TAG)
        seconds = time.perf_counter() - started
        summary = ", ".join(f"{number:,} {name}" for name, number in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Removed {summary} in {seconds:.0f} s."))


def with_first_author(pks):
    """[(article, its first author or None)] for the articles `pks`, in two queries."""
    articles = Article.objects.filter(pk__in=pks).only(
        "pk",
        "published_at",
        *(f"{name}_{code}" for name in ("title", "lead") for code in LANGUAGES),
    )
    first = {}
    for byline in Authorship.objects.filter(article__in=pks).select_related("author"):
        first.setdefault(byline.article_id, byline.author)
    return [(article, first.get(article.pk)) for article in articles]


def headline(article, author, language):
    """“Dr. Ibrahim Fawzy writes: (title)”, as the center news announces an article."""
    title = getattr(article, f"title_{language}")
    if author is None:
        return f"({title})"
    name = " ".join(
        part
        for part in (getattr(author, f"{field}_{language}") for field in ("honorific", "name"))
        if part
    )
    verb = "writes"
    if language == "ar":
        verb = "تكتب" if author.gender == Author.Gender.FEMININE else "يكتب"
    return f"{name} {verb}: ({title})"
