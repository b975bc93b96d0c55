"""
The editors' side of periodicals and series: a series' page, and an issue's with its
table of contents inline, the articles' workflow and save bar, history and announcing.

Who may do what (publications/permissions.py, accounts/roles.py): editors everything;
translators the text of a series, an issue and its parts in the other language, and
nothing else; authors read. Every path that writes keeps to it: the change form and its
inline (fields read-only for the person, and a forged value for one refused:
forms.LockedFieldsMixin), the bulk actions (by permission), history restore and recover
(core/restoring.py), and delete (by permission).
"""

import nested_admin
import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils.translation import get_language, gettext_noop, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationInlineModelAdmin
from reversion.admin import VersionAdmin

from autosave.admin_mixins import AutosaveMixin
from core.admin_mixins import (
    BilingualFieldsMixin,
    PublishableAdminMixin,
    ShownFieldsOnlyMixin,
    StateFilter,
)
from core.change_messages import ReadableHistoryMixin, note, noted
from core.inline_rows import OwnedInlinesMixin
from core.models import Status
from core.restoring import RestoreAsEditMixin
from core.text import join_list, language_name

from . import permissions, publishing, revisions
from .forms import IssueAdminForm, IssueEntryAdminForm, IssueEntryFormSet, SeriesAdminForm
from .labels import period_label
from .models import LANGUAGE_CODES, Issue, IssueEntry, Series

revisions.register_publications()


def original_language(obj):
    """
    The language a series and its issues are written in first: the first of the series'
    languages in the site's order (Arabic for a series in both). A translator writes the
    others. Inlines get their parent issue; a new object has the site's language.
    """
    if isinstance(obj, IssueEntry):
        obj = obj.issue
    if isinstance(obj, Issue):
        obj = obj.series if obj.series_id else None
    languages = (obj.languages or []) if obj is not None else []
    return next((code for code in LANGUAGE_CODES if code in languages), settings.LANGUAGE_CODE)


def quoted(objects):
    """Issues named in a message, quoted and joined: «أ»، «ب» / “A”, “B”."""
    return join_list(pgettext("quoted title", "“%(title)s”") % {"title": obj} for obj in objects)


class TranslatorFieldsMixin:
    """
    Whoever is not an editor (a translator) edits only `translated_text` in the languages
    other than the original, and reads every other field of the page. A posted value for
    a field they read is refused by the form (`locked`, see forms.LockedFieldsMixin).
    """

    translated_text = ()

    def editor_fields(self, request, obj):
        """Every field of the page as an editor has it."""
        raise NotImplementedError

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if permissions.is_editor(request.user):
            return readonly
        original = original_language(obj)
        editable = {
            f"{field}_{code}"
            for field in self.translated_text
            for code in LANGUAGE_CODES
            if code != original
        }
        shown = [
            name
            for name in flatten_fieldsets(self.get_fieldsets(request, obj))
            if name not in editable and name not in readonly and self.is_model_field(name)
        ]
        return [*readonly, *shown, *self.shown_readonly(request, obj)]

    def shown_readonly(self, request, obj):
        """Names on the page that are not model fields and only show something."""
        return []

    def is_model_field(self, name):
        try:
            self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        return True

    def locked_fields(self, request, obj, form_class):
        """{name: form field} of the model fields an editor's page has and this form lacks."""
        locked = {}
        for name in self.editor_fields(request, obj):
            if name in form_class.base_fields or not self.is_model_field(name):
                continue
            field = self.form.declared_fields.get(name)
            if field is None:
                field = self.formfield_for_dbfield(self.model._meta.get_field(name), request)
            if field is not None:
                locked[name] = field
        return locked


# TranslationInlineModelAdmin (not TranslationTabularInline, which would bring Django's
# tabular template ahead of nested_admin's, whose rows can be dragged).
class IssueEntryInline(
    OwnedInlinesMixin,
    BilingualFieldsMixin,
    TranslatorFieldsMixin,
    TranslationInlineModelAdmin,
    nested_admin.NestedTabularInline,
):
    """The table of contents: its rows in order (dragged), each an article with its pages
    under a part. Translators write the parts' names in the other language."""

    model = IssueEntry
    form = IssueEntryAdminForm
    formset = IssueEntryFormSet
    fields = ("position", "part", "article", "first_page", "last_page")
    translated_text = ("part",)
    sortable_field_name = "position"
    autocomplete_fields = ["article"]
    extra = 0

    def editor_fields(self, request, obj):
        return self.replace_orig_field(self.fields)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if kwargs.get("fields", ()) is None:
            return formset  # asked for every field, to work out the fieldsets
        # A new class each time (the factory's): nothing here touches another page.
        formset.may_add = self.has_add_permission(request, obj)
        formset.may_delete = self.has_delete_permission(request, obj)
        formset.form.locked = self.locked_fields(request, obj, formset.form)
        return formset


class HistoryMixin:
    """The history page lists each saved version, its comment in the reader's language."""

    object_history_template = "admin/publications/object_history.html"


@admin.register(Series)
class SeriesAdmin(
    TranslatorFieldsMixin,
    HistoryMixin,
    AutosaveMixin,
    RestoreAsEditMixin,
    ReadableHistoryMixin,
    ShownFieldsOnlyMixin,
    BilingualFieldsMixin,
    VersionAdmin,
    TabbedTranslationAdmin,
):
    form = SeriesAdminForm
    list_display = ["name_ar", "name_en", "series_type", "frequency", "issn", "position"]
    list_filter = ["series_type"]
    search_fields = ["name_ar", "name_en", "slug", "issn"]
    translated_text = ("name", "description", "cover_alt")

    def base_fieldsets(self, languages_field):
        return [
            (
                None,
                {
                    "fields": [
                        "name",
                        "slug",
                        "description",
                        "series_type",
                        "frequency",
                        "issn",
                        languages_field,
                        "position",
                    ]
                },
            ),
            (_("Cover"), {"fields": ["cover", "cover_alt"]}),
        ]

    def get_fieldsets(self, request, obj=None):
        # The languages are ticked by editors; the others read their names.
        languages = "languages" if permissions.is_editor(request.user) else "language_list"
        return self._patch_fieldsets(self.base_fieldsets(languages))

    def editor_fields(self, request, obj):
        return flatten_fieldsets(self._patch_fieldsets(self.base_fieldsets("languages")))

    def shown_readonly(self, request, obj):
        return ["language_list"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.locked = self.locked_fields(request, obj, form)
        return form

    def get_prepopulated_fields(self, request, obj=None):
        if not permissions.is_editor(request.user):
            return {}
        # The address follows the name in the desk's language, as an article's does.
        language = get_language()
        if language not in LANGUAGE_CODES:
            language = settings.LANGUAGE_CODE
        return {"slug": [f"name_{language}"]}

    @admin.display(description=_("languages"))
    def language_list(self, series):
        return join_list(language_name(code) for code in series.languages or [])


@admin.register(Issue)
class IssueAdmin(
    TranslatorFieldsMixin,
    HistoryMixin,
    AutosaveMixin,
    PublishableAdminMixin,
    OwnedInlinesMixin,
    RestoreAsEditMixin,
    ReadableHistoryMixin,
    ShownFieldsOnlyMixin,
    BilingualFieldsMixin,
    VersionAdmin,
    TabbedTranslationAdmin,
    nested_admin.NestedModelAdmin,
):
    form = IssueAdminForm
    inlines = [IssueEntryInline]
    autocomplete_fields = ["editorial"]
    list_display = ["series", "number", "period", "state", "published_at"]
    list_filter = ["series", StateFilter]
    list_select_related = ["series"]
    search_fields = ["theme_ar", "theme_en", "series__name_ar", "series__name_en"]
    search_help_text = _("Words from the series' name or the issue's theme, or its number.")
    actions = ["publish_selected", "unpublish_selected"]
    translated_text = ("theme", "summary", "cover_alt")
    # What a history restore by someone who may not publish leaves as it is.
    workflow_fields = (
        "status",
        "published_at",
        *(f"language_published_{code}" for code in LANGUAGE_CODES),
    )

    def base_fieldsets(self, editor, may_change=True):
        publication = ["status", "published_at", "language_published"]
        if editor:
            publication += ["announce", *(f"announcement_{code}" for code in LANGUAGE_CODES)]
        issue = ["series", "number", "theme", "summary", "date", "date_end", "editorial"]
        if may_change:
            issue.append("loaded_version")  # the stale-save check's, hidden
        return [
            (None, {"fields": issue}),
            (_("Publication"), {"fields": publication}),
            (_("Cover and PDF"), {"fields": ["cover", "cover_alt", "pdf"]}),
        ]

    def get_fieldsets(self, request, obj=None):
        editor = permissions.can_publish(request.user)
        may_change = obj is None or self.has_change_permission(request, obj)
        # modeltranslation turns "theme" into "theme_ar", "theme_en" (its own helper).
        return self._patch_fieldsets(self.base_fieldsets(editor, may_change))

    def editor_fields(self, request, obj):
        return flatten_fieldsets(self._patch_fieldsets(self.base_fieldsets(True)))

    def has_publish_permission(self, request):
        return permissions.can_publish(request.user)

    def get_queryset(self, request):
        # The search columns hold copies of the text that no admin page shows.
        return super().get_queryset(request).defer(*Issue.searchable.columns)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if not permissions.is_editor(request.user):
            for inline in inlines:  # fresh instances, made for this request
                inline.sortable_field_name = None
        return inlines

    def get_search_results(self, request, queryset, search_term):
        results, duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term.isdigit() and len(term) <= 5:
            results |= queryset.filter(number=int(term))
        return results, duplicates

    @admin.display(description=_("period"), ordering="date")
    def period(self, issue):
        return period_label(issue, get_language())

    # The save bar: saving, and the workflow's steps (publishing.Workflow).

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.locked = self.locked_fields(request, obj, form)
        # Checked against the issue as stored.
        form.workflow = request.workflow = publishing.Workflow(request.user, obj, request.POST)
        return form

    def render_change_form(self, request, context, *args, **kwargs):
        # Django passes add= and obj= by name (nested_admin's signature differs in order).
        workflow = getattr(request, "workflow", None)
        may_save = kwargs.get("add") or self.has_change_permission(request, kwargs.get("obj"))
        if workflow is not None and may_save:
            context["workflow"] = workflow.context()
        return super().render_change_form(request, context, *args, **kwargs)

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        workflow = getattr(request, "workflow", None)
        if workflow is not None and workflow.action is not None:
            text, params = workflow.note()
            message = noted(message, text, **params)
        return message

    def response_add(self, request, obj, post_url_continue=None):
        self.say_what_happened(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self.say_what_happened(request, obj)
        return super().response_change(request, obj)

    def say_what_happened(self, request, obj):
        """A step's own confirmation ("was published") replaces Django's "was changed"."""
        workflow = getattr(request, "workflow", None)
        if workflow is not None and workflow.action is not None:
            self.message_user(request, workflow.said(obj), messages.SUCCESS)
            request.workflow_said = True

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if getattr(request, "workflow_said", False) and level == messages.SUCCESS:
            return
        super().message_user(request, message, level, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        if permissions.can_publish(request.user):
            # Only theirs: a translator's save never releases a language as a side effect.
            publishing.prepare_publication(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        issue = form.instance
        if form.cleaned_data.get("announce") and issue.status == Status.PUBLISHED:
            from .announcing import announce_issue

            if announce_issue(issue, form.edited_announcement()) is None:
                messages.warning(
                    request,
                    _("Not announced: the issue is not released in any language yet."),
                )

    # Bulk actions: each issue is checked in its current state.

    def _apply(self, request, queryset, allowed, change, done_message, comment):
        done, refused = [], []
        for issue in queryset.select_related("series"):
            if not allowed(issue):
                refused.append(issue)
                continue
            with transaction.atomic(), reversion.create_revision():
                change(issue)
                issue.updated_by = request.user
                issue.save()
                reversion.set_user(request.user)
                reversion.set_comment(comment)
            done.append(issue)
        if done:
            messages.success(request, done_message(len(done)))
        if refused:
            messages.warning(
                request,
                _("Refused (you may not do this to them in their current state): %(titles)s")
                % {"titles": quoted(refused)},
            )

    @admin.action(description=_("Publish selected issues"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda issue: (
                bool(publishing.release_languages(issue)) and issue.status != Status.PUBLISHED
            ),
            publishing.publish,
            lambda n: (
                ngettext("Published %(count)d issue.", "Published %(count)d issues.", n)
                % {"count": n}
            ),
            note(gettext_noop("Published.")),
        )

    @admin.action(description=_("Unpublish selected issues"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda issue: issue.status == Status.PUBLISHED,
            publishing.unpublish,
            lambda n: (
                ngettext("Unpublished %(count)d issue.", "Unpublished %(count)d issues.", n)
                % {"count": n}
            ),
            note(gettext_noop("Unpublished.")),
        )

    # Preview: the public page, which shows staff an issue not yet published.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        issue = self.get_object(request, unquote(object_id))
        extra_context = dict(extra_context or {})
        if issue is not None:
            extra_context["preview_links"] = [
                {
                    "url": issue.url_in(code),
                    "label": _("Preview in %(language)s") % {"language": language_name(code)},
                    "code": code,
                }
                for code in issue.languages
            ]
        return super().change_view(request, object_id, form_url, extra_context)
