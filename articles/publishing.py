"""
The editorial workflow of an article: submitting, publishing, unpublishing, and asking
the center news to announce a publication. Used by the admin's forms and actions.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from . import permissions
from .models import Article, Status
from .signals import announcement_drafted, announcement_requested


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


def announce(article, headlines=None):
    """
    Ask the center news to announce a published article (the news app answers, see
    news/announcing.py), in the editor's words where `headlines` ({language: text}) has
    some: the item that announces it, or None when it cannot be announced (no authors or
    no title in any language) or nothing listens.
    """
    for _receiver, item in announcement_requested.send(
        sender=Article, article=article, headlines=headlines or {}
    ):
        if item is not None:
            return item
    return None


def drafted_announcement(article):
    """{language: headline} the center news would publish for the article as it is."""
    for _receiver, headlines in announcement_drafted.send(sender=Article, article=article):
        if headlines:
            return headlines
    return {}


def return_to_authors(article):
    article.status = Status.DRAFT


@dataclass(frozen=True)
class Action:
    """
    A step of the workflow as the change page's save bar offers it: who may take it
    from which state (`allowed(user, article)`, the article as stored), what it does to
    the article, what the page then says, and the note the history keeps.
    """

    name: str
    label: str
    allowed: Callable
    done: str
    note: str


def may_submit(user, article):
    if permissions.can_publish(user):
        return False  # editors publish or schedule: review is the step before them
    if article.pk is None:  # a new article, submitted with its first save
        return user.has_perm("articles.add_article") and not permissions.is_translator(user)
    return permissions.can_submit(user, article)


def may_publish_now(user, article):
    return permissions.can_publish(user) and not article.is_public()


def may_unpublish(user, article):
    return permissions.can_publish(user) and article.status == Status.PUBLISHED


def may_return(user, article):
    return permissions.can_publish(user) and article.status == Status.REVIEW


ACTIONS = {
    action.name: action
    for action in [
        Action(
            "submit",
            _("Submit for review"),
            may_submit,
            _("“%(title)s” was submitted for review."),
            gettext_noop("Submitted for review."),
        ),
        Action(
            "publish",
            _("Publish now"),
            may_publish_now,
            _("“%(title)s” was published."),
            gettext_noop("Published."),
        ),
        Action(
            "schedule",
            _("Schedule"),
            lambda user, article: permissions.can_publish(user),
            _("“%(title)s” is scheduled for %(when)s."),
            gettext_noop("Scheduled for %(datetime)s."),
        ),
        Action(
            "unpublish",
            _("Unpublish"),
            may_unpublish,
            _("“%(title)s” was unpublished."),
            gettext_noop("Unpublished."),
        ),
        Action(
            "return",
            _("Return to the author"),
            may_return,
            _("“%(title)s” was returned to its authors with your note."),
            gettext_noop("Returned to the authors: %(note)s"),
        ),
    ]
}


class Workflow:
    """
    The workflow step one save of the change page takes, if any: the button pressed in
    the save bar (`_workflow`), checked against what the person may do to the article as
    it is stored, so that a forged button is refused like a forged status.
    """

    def __init__(self, user, stored, data):
        self.user = user
        self.stored = stored if stored is not None else Article()
        self.action = ACTIONS.get(data.get("_workflow", ""))
        self.requested = bool(data.get("_workflow"))
        self.data = data
        self.when = None
        self.return_note = ""

    def offered(self):
        """The steps the save bar shows this person for this article."""
        return [action for action in ACTIONS.values() if action.allowed(self.user, self.stored)]

    def apply(self, cleaned_data):
        """Set the form's status and publication time for the step, or refuse it."""
        if not self.requested:
            return
        if self.action is None or not self.action.allowed(self.user, self.stored):
            raise ValidationError(
                _("You may not do this to the article in its present state."), code="workflow"
            )
        name = self.action.name
        if name == "schedule":
            self.when = self.schedule_time()
            cleaned_data["published_at"] = self.when
        elif name == "publish":
            cleaned_data["published_at"] = timezone.now()
        elif name == "return":
            self.return_note = " ".join(self.data.get("_return_note", "").split())
            if not self.return_note:
                raise ValidationError(
                    _("Say what the authors should change: the note goes back with the article."),
                    code="workflow",
                )
        cleaned_data["status"] = {
            "submit": Status.REVIEW,
            "publish": Status.PUBLISHED,
            "schedule": Status.PUBLISHED,
            "unpublish": Status.UNPUBLISHED,
            "return": Status.DRAFT,
        }[name]

    def settle(self, article):
        """What the step leaves on the article besides its status: the editor's note goes
        back with a returned article, and is dropped once it is submitted or published."""
        if self.action is None:
            return
        if self.action.name == "return":
            article.return_note = self.return_note
        elif self.action.name in ("submit", "publish", "schedule"):
            article.return_note = ""

    def schedule_time(self):
        try:
            when = forms.DateTimeField().clean(self.data.get("_schedule_at", ""))
        except ValidationError:
            when = None
        if when is None or when <= timezone.now():
            raise ValidationError(
                _(
                    "Choose a day and time to come to schedule the article; to publish it "
                    "at once, use “Publish now”."
                ),
                code="workflow",
            )
        return when

    def said(self, article):
        """What the page says once the step is taken."""
        params = {"title": str(article)}
        if self.when is not None:
            params["when"] = formats.date_format(timezone.localtime(self.when), "DATETIME_FORMAT")
        return self.action.done % params

    def note(self):
        """The step as the history keeps it: (text, params) for core.change_messages."""
        params = {}
        if self.when is not None:
            params["datetime"] = self.when.isoformat()
        if self.return_note:
            params["note"] = self.return_note
        return self.action.note, params
