"""
The side-by-side page: one document (an article, a news item, an author…) and a language
to translate it into. Each part shows its source text, read-only and in its own language
and direction, beside a field for its translation; missing and out-of-date parts are
marked and counted, and an out-of-date part shows what changed in its source since it was
translated.

Saving goes through the document's own admin rules: who may change it
(`has_change_permission`, so an author only their own drafts), the field checks, the
refusal of a save over a newer version, a revision in the history, and the translation
state refreshed when it commits.
"""

import itertools
import json
from dataclasses import dataclass, field

import reversion
from django.apps import apps
from django.contrib import messages
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from core.change_messages import ReadableHistoryMixin, note
from core.text import language_name, localized_field_name

from . import state
from .diffs import source_change
from .forms import TranslationForm, direction, summary_of
from .models import Fingerprint
from .parts import LANGUAGE_CODES, document_for
from .xliff_views import import_url

TEMPLATE = "admin/translations/translate.html"


def urls(site):
    return [
        path(
            "translations/<str:app_label>/<str:model_name>/<int:pk>/<str:language>/",
            site.admin_view(TranslateView(site)),
            name="translations_translate",
        )
    ]


def translate_url(obj, language, site_name="admin"):
    """The side-by-side page of `obj` (a registered document) into `language`."""
    opts = obj._meta
    return reverse(
        f"{site_name}:translations_translate",
        args=[opts.app_label, opts.model_name, obj.pk, language],
    )


@dataclass
class PartRow:
    """One part as the page shows it: its source, its field and where it stands."""

    part: object
    field: object  # the form's BoundField
    source_label: str
    source_text: str
    # "missing", "out-of-date" or "" (translated, or nothing to translate)
    state: str = ""
    change: SafeString = ""  # what changed in the source (out of date only)
    confirmed: bool = False
    next_anchor: str = ""

    @property
    def name(self):
        return self.part.form_name

    @property
    def anchor(self):
        return f"part-{self.name}"


@dataclass
class Group:
    """A run of parts under one name: the document's own, "Section 2", "Section 2, point 1"
    (a section's closing text, after its points, is "Section 2 (continued)")."""

    key: str
    label: str
    rows: list = field(default_factory=list)


class Translation:
    """
    One document opened for translation into `language`: its parts in reading order, and
    where each stands, computed from its text and fingerprints as translations/state.py
    computes it (two queries: the fingerprints, and the content type, cached).
    """

    def __init__(self, document, obj, language):
        self.document, self.obj, self.language = document, obj, language
        self.source = document.source_language(obj)
        self.parts = list(document.parts(obj))
        content_type = ContentType.objects.get_for_model(type(obj))
        self.fingerprints = {
            (found.part, found.language): found
            for found in Fingerprint.objects.filter(document_type=content_type, document_id=obj.pk)
        }
        results, _writes = state.assess(document, obj, self.fingerprints)
        _source, self.state, missing, outdated = results[language]
        self.missing, self.outdated = set(missing), set(outdated)

    def state_of(self, part):
        if part.key in self.missing:
            return "missing"
        if part.key in self.outdated:
            return "out-of-date"
        return ""

    def change_in_source(self, part):
        """What changed in the source of an out-of-date part since its translation."""
        found = self.fingerprints.get((part.key, self.language))
        if found is None:
            return ""
        return source_change(found.source_text, part.text(self.source), part.long)

    def shown(self, part, form):
        """A part with text in either language, or one the post left with an error; a
        part with neither (an article without a kicker) has nothing to translate."""
        return bool(
            state.normalised(part.text(self.source))
            or state.normalised(part.text(self.language))
            or (form.is_bound and form.errors.get(part.form_name))
        )

    def groups(self, form):
        """The parts shown, in reading order, under their group's name ("Section 2")."""
        rows = [self.row(part, form) for part in self.parts if self.shown(part, form)]
        todo = [row for row in rows if row.state]
        for row, following in itertools.pairwise(todo):
            row.next_anchor = following.anchor
        groups, seen = [], set()
        own = capfirst(self.obj._meta.verbose_name)
        for row in rows:
            key = str(row.part.group or own)
            if not groups or groups[-1].key != key:
                label = _("%(group)s (continued)") % {"group": key} if key in seen else key
                seen.add(key)
                groups.append(Group(key, label))
            groups[-1].rows.append(row)
        return groups, todo

    def row(self, part, form):
        name = part.form_name
        row_state = self.state_of(part)
        described = [f"source-{name}"]
        if row_state:
            described.insert(0, f"mark-{name}")
        form.describe(name, described)
        confirmed = name in (form.data.getlist("confirm") if form.is_bound else [])
        return PartRow(
            part=part,
            field=form[name],
            source_label=localized_field_name(capfirst(part.label), self.source),
            source_text=part.text(self.source),
            state=row_state,
            change=self.change_in_source(part) if row_state == "out-of-date" else "",
            confirmed=confirmed,
        )


class TranslateView:
    """The page, for the admin site `site` (wrapped in its admin_view: staff only)."""

    def __init__(self, site):
        self.site = site

    def __call__(self, request, app_label, model_name, pk, language):
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            raise Http404 from None
        document = document_for(model)
        if document is None or language not in LANGUAGE_CODES:
            raise Http404
        try:
            model_admin = self.site.get_model_admin(model)
        except NotRegistered:
            raise Http404 from None
        if request.method == "POST":
            return self.post(request, document, model_admin, pk, language)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "POST"])
        obj = self.document(request, document, model_admin, pk)
        if document.source_language(obj) == language:
            return self.render_original(request, model_admin, obj, language)
        translation = Translation(document, obj, language)
        form = self.form(request, translation)
        return self.render(request, model_admin, translation, form)

    def document(self, request, document, model_admin, pk):
        """The document with its parts, if the user may change it (403 otherwise)."""
        queryset = document.with_parts(model_admin.get_queryset(request).filter(pk=pk))
        obj = queryset.first()
        if obj is None:
            raise Http404
        if not model_admin.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def form(self, request, translation, data=None):
        user = request.user

        def editable(part):
            # A part in a row of another model (a section) needs the right to change
            # those rows too, as the change page's inline does.
            opts = part.row._meta
            return part.row is translation.obj or user.has_perm(
                f"{opts.app_label}.change_{opts.model_name}"
            )

        return TranslationForm(
            data,
            obj=translation.obj,
            parts=translation.parts,
            language=translation.language,
            outdated=translation.outdated,
            editable=editable,
        )

    def post(self, request, document, model_admin, pk, language):
        with transaction.atomic():
            # Locked before it is read, so that the version checked is the text saved over.
            model = document.model
            if not list(model._default_manager.select_for_update().filter(pk=pk).values("pk")):
                raise Http404
            obj = self.document(request, document, model_admin, pk)
            if document.source_language(obj) == language:
                raise Http404
            translation = Translation(document, obj, language)
            form = self.form(request, translation, request.POST)
            if form.is_valid():
                # A model without revisions (a news item) leaves an empty one, not kept.
                with reversion.create_revision():
                    changed, confirmed = form.save(request.user)
                    if changed:
                        self.keep_history(request, model_admin, obj, language, changed)
                self.say_saved(request, language, changed, confirmed)
                return HttpResponseRedirect(request.path)
        # Refused: the page again, with what was typed and why.
        return self.render(request, model_admin, translation, form)

    def keep_history(self, request, model_admin, obj, language, changed):
        """A revision (when the model keeps them) and an entry in the admin's log, saying
        into which language and how many parts, in the reader's language."""
        count = len(changed)
        if count == 1:
            text = gettext_noop("Translated into %(language)s: one part.")
        else:
            text = gettext_noop("Translated into %(language)s: %(count)s parts.")
        comment = note(text, language=language, count=count)
        if reversion.is_active():
            reversion.set_user(request.user)
            reversion.set_comment(comment)
        if not isinstance(model_admin, ReadableHistoryMixin):
            # Django's own log message, which it puts into words itself.
            fields = sorted({f"{part.field}_{language}" for part in changed if part.row is obj})
            comment = json.dumps([{"changed": {"fields": fields}}])
        model_admin.log_change(request, obj, comment)

    def say_saved(self, request, language, changed, confirmed):
        said = language_name(language)
        if changed:
            messages.success(
                request,
                ngettext(
                    "The translation into %(language)s was saved: %(count)s part changed.",
                    "The translation into %(language)s was saved: %(count)s parts changed.",
                    len(changed),
                )
                % {"language": said, "count": len(changed)},
            )
        if confirmed:
            messages.success(
                request,
                ngettext(
                    "%(count)s part is marked as still matching its source.",
                    "%(count)s parts are marked as still matching their source.",
                    len(confirmed),
                )
                % {"count": len(confirmed)},
            )
        if not changed and not confirmed:
            messages.info(request, _("Nothing to save: no part was changed."))

    # Pages.

    def context(self, request, model_admin, obj, language, title):
        opts = obj._meta
        try:
            change_url = reverse(
                f"{self.site.name}:{opts.app_label}_{opts.model_name}_change",
                args=[quote(obj.pk)],
            )
        except NoReverseMatch:
            change_url = ""
        return {
            **self.site.each_context(request),
            # The document's files for outside translators (translations/xliff_views.py).
            "xliff_url": import_url(obj, self.site.name),
            "opts": opts,
            "app_label": opts.app_label,
            "original": obj,
            "title": title,
            "change_url": change_url,
            "has_view_permission": model_admin.has_view_permission(request),
            "target": {
                "code": language,
                "name": language_name(language),
                "dir": direction(language),
            },
        }

    def render(self, request, model_admin, translation, form):
        obj, language = translation.obj, translation.language
        groups, todo = translation.groups(form)
        context = self.context(
            request,
            model_admin,
            obj,
            language,
            _("Translate “%(title)s” into %(language)s")
            % {"title": obj, "language": language_name(language)},
        )
        context.update(
            {
                "form": form,
                "groups": groups,
                "todo": todo,
                "summary": summary_of(len(translation.missing), len(translation.outdated)),
                "source": {
                    "code": translation.source,
                    "name": language_name(translation.source),
                    "dir": direction(translation.source),
                },
                "editable": any(not field.disabled for field in form.fields.values()),
            }
        )
        return TemplateResponse(request, TEMPLATE, context)

    def render_original(self, request, model_admin, obj, language):
        """The document's own language has nothing to translate into: say so, and offer
        the other languages."""
        context = self.context(
            request,
            model_admin,
            obj,
            language,
            _("“%(title)s” is written in %(language)s")
            % {"title": obj, "language": language_name(language)},
        )
        context["is_original"] = True
        context["others"] = [
            {"url": translate_url(obj, code, self.site.name), "name": language_name(code)}
            for code in LANGUAGE_CODES
            if code != language
        ]
        return TemplateResponse(request, TEMPLATE, context, status=404)
