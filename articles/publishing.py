"""
The editorial workflow of an article: submitting, publishing, unpublishing, and asking
the center news to announce a publication. Used by the admin's forms and actions.
"""

from django.conf import settings
from django.utils import timezone

from .models import Article, Status
from .signals import announcement_requested


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


def announce(article):
    """
    Ask the center news to announce a published article (the news app answers, see
    news/announcing.py): the item that announces it, or None when it cannot be announced
    (no authors or no title in any language) or nothing listens.
    """
    for _receiver, item in announcement_requested.send(sender=Article, article=article):
        if item is not None:
            return item
    return None
