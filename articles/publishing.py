"""
The editorial workflow of an article: submitting, publishing, unpublishing, and the
center-news item that announces a publication. Used by the admin's forms and actions.
"""

from django.conf import settings
from django.utils import timezone

from news.models import NewsItem

from .models import Status

# "writes" in Arabic, by number of authors and whether they are all women.
ARABIC_WRITES = {
    (1, False): "يكتب",
    (1, True): "تكتب",
    (2, False): "يكتبان",
    (2, True): "تكتبان",
    (3, False): "يكتبون",
    (3, True): "يكتبن",
}


def can_publish(user, model):
    return user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


def prepare_publication(article):
    """
    What publishing means, however the article got its `published` status: it gets a
    publication time (now, unless the editor set one, possibly in the future) and, when
    no language has been released yet, every language it is written in is released.
    """
    if article.status != Status.PUBLISHED:
        return
    if article.published_at is None:
        article.published_at = timezone.now()
    released = [
        code for code, _name in settings.LANGUAGES if getattr(article, f"language_published_{code}")
    ]
    if not released:
        for code in article.languages:
            setattr(article, f"language_published_{code}", True)


def publish(article):
    article.status = Status.PUBLISHED
    prepare_publication(article)


def unpublish(article):
    article.status = Status.UNPUBLISHED


def submit(article):
    article.status = Status.REVIEW


def announcement_headlines(article):
    """{"ar": "د. X يكتب: (title)", "en": "Dr. X writes: (title)"} for each language the
    article and all its authors are written in."""
    authors = list(article.authors.all())
    headlines = {}
    for code, _name in settings.LANGUAGES:
        title = getattr(article, f"title_{code}")
        names = [
            " ".join(
                part
                for part in (getattr(a, f"honorific_{code}"), getattr(a, f"name_{code}"))
                if part
            )
            for a in authors
        ]
        if not title or not names or not all(getattr(a, f"name_{code}") for a in authors):
            continue
        if code == "ar":
            feminine = all(a.gender == a.Gender.FEMININE for a in authors)
            verb = ARABIC_WRITES[(min(len(names), 3), feminine)]
            headlines[code] = f"{' و'.join(names)} {verb}: ({title})"
        else:
            joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            verb = "writes" if len(names) == 1 else "write"
            headlines[code] = f"{joined} {verb}: ({title})"
    return headlines


def announce(article):
    """Create the center-news item announcing a published article (once); returns it or None."""
    existing = NewsItem.objects.filter(article=article).first()
    if existing:
        return existing
    headlines = announcement_headlines(article)
    if not headlines:
        return None
    return NewsItem.objects.create(
        article=article,
        status=Status.PUBLISHED,
        published_at=article.published_at or timezone.now(),
        **{f"headline_{code}": text for code, text in headlines.items()},
    )
