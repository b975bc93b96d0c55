"""Small builders for the objects tests need; each returns saved, committed objects."""

import contextlib
import datetime
import itertools

from django.test import TestCase
from django.utils import timezone

from articles.models import Article, Author, Authorship, Figure, Indication, Section, Status
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
def make_figure(article, label="", *, image=None, **fields):
    """A figure of `article` with an image (write it to a test's own media folder: the
    `media_root` fixture), its alt text, caption and credit in both languages."""
    from tests.images.samples import image_file

    position = article.figures.count()
    defaults = {
        "image_alt_ar": f"وصف الشكل {position + 1}",
        "image_alt_en": f"What figure {position + 1} shows",
        "caption_ar": f"تعليق الشكل {position + 1}",
        "caption_en": f"Caption of figure {position + 1}",
        "credit_ar": "مركز البحوث",
        "credit_en": "Research Center",
    }
    return Figure.objects.create(
        article=article,
        position=position,
        label=label,
        image=image or image_file(900, 600),
        **{**defaults, **fields},
    )


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
