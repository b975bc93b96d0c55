"""
The editorial workflow of an issue, as articles have it (articles/publishing.py): what
publishing means, and the steps the change page's save bar offers (publish now,
schedule, unpublish).

Only editors take a step. Authors only read issues and translators translate them, so
there is no submitting for review or returning to an author here: an editor may still
set an issue "In review" for another editor with the status menu.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from articles.publishing import Action
from core.models import Status

from . import permissions
from .models import LANGUAGE_CODES, Issue


def release_languages(issue):
    """The languages publishing releases an issue in when the editor ticked none: those
    its series is named in and appears in."""
    appears_in = issue.series.languages if issue.series_id else LANGUAGE_CODES
    return [code for code in issue.languages if code in appears_in]


def prepare_publication(issue):
    """
    What publishing means, however the issue got its `published` status: a publication
    time (now, unless the editor set one, maybe to come) and, when no language has been
    released yet, every language of its series released.
    """
    if issue.status != Status.PUBLISHED:
        return
    if issue.published_at is None:
        issue.published_at = timezone.now()
    if not any(getattr(issue, f"language_published_{code}") for code in LANGUAGE_CODES):
        for code in release_languages(issue):
            setattr(issue, f"language_published_{code}", True)


def publish(issue):
    issue.status = Status.PUBLISHED
    prepare_publication(issue)


def unpublish(issue):
    issue.status = Status.UNPUBLISHED


def may_publish_now(user, issue):
    return permissions.can_publish(user) and not issue.is_public()


def may_schedule(user, issue):
    return permissions.can_publish(user)


def may_unpublish(user, issue):
    return permissions.can_publish(user) and issue.status == Status.PUBLISHED


# The articles' words: a step reads the same on an issue's save bar and in its history.
ACTIONS = {
    action.name: action
    for action in [
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
            may_schedule,
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
    ]
}
STATUS_AFTER = {
    "publish": Status.PUBLISHED,
    "schedule": Status.PUBLISHED,
    "unpublish": Status.UNPUBLISHED,
}


class Workflow:
    """
    The step one save of an issue's change page takes, if any: the save bar's button
    (`_workflow`), checked against what the person may do to the issue as it is stored,
    so that a forged button is a form error like a forged status. The page's template is
    the articles' save bar (templates/admin/articles/article/save_bar.html).
    """

    def __init__(self, user, stored, data):
        self.user = user
        self.stored = stored if stored is not None else Issue()
        self.action = ACTIONS.get(data.get("_workflow", ""))
        self.requested = bool(data.get("_workflow"))
        self.data = data
        self.when = None

    def offered(self):
        """The steps the save bar shows this person for this issue."""
        return [action for action in ACTIONS.values() if action.allowed(self.user, self.stored)]

    def apply(self, cleaned_data):
        """Set the form's status and publication time for the step, or refuse it."""
        if not self.requested:
            return
        if self.action is None or not self.action.allowed(self.user, self.stored):
            raise ValidationError(
                _("You may not do this to the issue in its present state."), code="workflow"
            )
        if self.action.name == "schedule":
            self.when = cleaned_data["published_at"] = self.schedule_time()
        elif self.action.name == "publish":
            cleaned_data["published_at"] = timezone.now()
        cleaned_data["status"] = STATUS_AFTER[self.action.name]

    def schedule_time(self):
        try:
            when = forms.DateTimeField().clean(self.data.get("_schedule_at", ""))
        except ValidationError:
            when = None
        if when is None or when <= timezone.now():
            raise ValidationError(
                _(
                    "Choose a day and time to come to schedule the issue; to publish it at "
                    "once, use “Publish now”."
                ),
                code="workflow",
            )
        return when

    def said(self, issue):
        """What the page says once the step is taken."""
        params = {"title": str(issue)}
        if self.when is not None:
            params["when"] = formats.date_format(timezone.localtime(self.when), "DATETIME_FORMAT")
        return self.action.done % params

    def note(self):
        """The step as the history keeps it: (text, params) for core.change_messages."""
        params = {"datetime": self.when.isoformat()} if self.when is not None else {}
        return self.action.note, params

    def context(self):
        """What the save bar's template reads."""
        stored = self.stored
        scheduled = stored.published_at if stored.is_scheduled else None
        return {
            "state": stored.state if stored.pk else Status.DRAFT.label,
            "is_draft": stored.status == Status.DRAFT,
            "scheduled_for": scheduled,
            "actions": self.offered(),
            "schedule_at": (
                timezone.localtime(scheduled).strftime("%Y-%m-%dT%H:%M") if scheduled else ""
            ),
            "time_zone": timezone.get_current_timezone_name(),
            "return_note": "",
        }
