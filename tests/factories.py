"""Small builders for the objects tests need; each returns saved, committed objects."""

import contextlib
import datetime
import itertools

from django.test import TestCase
from django.utils import timezone

from articles.models import Article, Author, Authorship, Indication, Section, Status
from news.models import NewsItem

_counter = itertools.count(1)


@contextlib.contextmanager
def committed():
    """
    Writes inside are followed by what their commit does (the search documents of what
    they changed are rebuilt then), which a test's own transaction never does. In a
    transactional test the commit happens anyway, and this adds nothing.
    """
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield


@committed()
def make_author(**fields):
    number = next(_counter)
    defaults = {
        "slug": f"author-{number}",
        "name_ar": f"كاتب {number}",
        "name_en": f"Author {number}",
        "honorific_ar": "د.",
        "honorific_en": "Dr.",
    }
    return Author.objects.create(**{**defaults, **fields})


@committed()
def make_article(*, sections=0, points=0, authors=(), languages=("ar", "en"), **fields):
    """A published article written in `languages`, with sections × points of text."""
    number = next(_counter)
    defaults = {
        "slug": f"article-{number}",
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(days=1),
    }
    for code in languages:
        defaults[f"language_published_{code}"] = True
        defaults[f"title_{code}"] = f"Title {number} {code}"
        defaults[f"lead_{code}"] = f"Lead {number} {code}."
    article = Article.objects.create(**{**defaults, **fields})
    for position, author in enumerate(authors):
        Authorship.objects.create(article=article, author=author, position=position)
    for s in range(sections):
        section = Section.objects.create(
            article=article,
            position=s,
            **{f"heading_{code}": f"Heading {s} {code}" for code in languages},
            **{f"body_{code}": f"Section {s} text {code}." for code in languages},
        )
        Indication.objects.bulk_create(
            Indication(
                section=section,
                position=p,
                **{f"title_{code}": f"Point {s}.{p} {code}." for code in languages},
                **{f"body_{code}": f"Point {s}.{p} text {code}." for code in languages},
            )
            for p in range(points)
        )
    return article


@committed()
def make_news(**fields):
    number = next(_counter)
    defaults = {
        "headline_ar": f"خبر {number}",
        "headline_en": f"News {number}",
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=number),
    }
    return NewsItem.objects.create(**{**defaults, **fields})
