import nested_admin
import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.views.main import SEARCH_VAR, ChangeList
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone, translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_noop, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationInlineModelAdmin
from reversion.admin import VersionAdmin
from reversion.models import Version

from autosave.admin_mixins import AutosaveMixin
from core.admin_mixins import (
    BilingualFieldsMixin,
    PublishableAdminMixin,
    ShownFieldsOnlyMixin,
    StateFilter,
)
from core.change_messages import ReadableHistoryMixin, note, noted
from core.inline_rows import OwnedInlinesMixin
from core.restoring import RestoreAsEditMixin
from core.text import join_list, language_name
from search.queries import Query, matching_any_language

from . import history, permissions, publishing, revisions
from .forms import (
    ArticleAdminForm,
    AuthorAdminForm,
    FigureAdminForm,
    FigureFormSet,
    PositionedFormSet,
    PrefetchedIndicationsFormSet,
)
from .models import (
    Article,
    Author,
    Authorship,
    Figure,
    Indication,
    Kind,
    Section,
    Status,
    Topic,
)
from .templatetags.text import body_text
from .widgets import BodyTextAdminMixin

revisions.register_articles()

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# The longest text the body-text preview renders (characters): a long study's section.
PREVIEW_LIMIT = 200_000


def quoted_titles(articles):
    """Titles named in a message, quoted and joined: «أ»، «ب» / “A”, “B”."""
    return join_list(pgettext("quoted title", "“%(title)s”") % {"title": a} for a in articles)


def original_language(obj):
    """The original language of the article being edited; inlines get their parent (an
    article, or a section for the points nested in it)."""
    if isinstance(obj, Section):
        obj = obj.article
    return obj.original_language if obj is not None else settings.LANGUAGE_CODE


def for_translators(request, inlines):
    """A translator cannot reorder sections or points: their inlines are not sortable."""
    if permissions.is_translator(request.user):
        for inline in inlines:  # fresh instances, made for this request
            inline.sortable_field_name = None
    return inlines


class TranslatorReadonlyMixin:
    """A translator sees the original language's text of an article's parts but edits only
    the other language's; `untranslated` fields (a figure's image) they only see."""

    translated_text = ()
    untranslated = ()

    def get_inline_instances(self, request, obj=None):
        return for_translators(request, super().get_inline_instances(request, obj))

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if permissions.is_translator(request.user):
            original = original_language(obj)
            readonly += [
                "position",
                *self.untranslated,
                *(f"{f}_{original}" for f in self.translated_text),
            ]
        return readonly


# TranslationInlineModelAdmin (not TranslationStackedInline, which would bring Django's
# stacked template ahead of nested_admin's in the MRO and hide the nested points).
class IndicationInline(
    BodyTextAdminMixin,
    OwnedInlinesMixin,
    BilingualFieldsMixin,
    TranslatorReadonlyMixin,
    TranslationInlineModelAdmin,
    nested_admin.NestedStackedInline,
):
    model = Indication
    fields = ("position", "title", "body")
    body_fields = ("body",)
    translated_text = ("title", "body")
    sortable_field_name = "position"
    formset = PrefetchedIndicationsFormSet
    extra = 0


class SectionInline(
    BodyTextAdminMixin,
    OwnedInlinesMixin,
    BilingualFieldsMixin,
    TranslatorReadonlyMixin,
    TranslationInlineModelAdmin,
    nested_admin.NestedStackedInline,
):
    model = Section
    fields = ("position", "heading", "body", "closing")
    body_fields = ("body", "closing")
    translated_text = ("heading", "body", "closing")
    sortable_field_name = "position"
    formset = PositionedFormSet
    inlines = [IndicationInline]
    extra = 0

    def get_queryset(self, request):
        # All the points of the article in one query (see PrefetchedIndicationsFormSet).
        return super().get_queryset(request).prefetch_related("indications")


class FigureInline(
    OwnedInlinesMixin,
    BilingualFieldsMixin,
    TranslatorReadonlyMixin,
    TranslationInlineModelAdmin,
    nested_admin.NestedStackedInline,
):
    """The article's images that its text places ("![label]"). Translators, who may not
    add or delete one (their role has no such permission), write its text in the other
    language."""

    model = Figure
    form = FigureAdminForm
    formset = FigureFormSet
    fields = ("position", "label", "image", "image_alt", "caption", "credit")
    translated_text = ("image_alt", "caption", "credit")
    untranslated = ("label", "image")
    sortable_field_name = "position"
    extra = 0


class AuthorshipInline(OwnedInlinesMixin, nested_admin.NestedTabularInline):
    model = Authorship
    fields = ("position", "author")
    sortable_field_name = "position"
    formset = PositionedFormSet
    autocomplete_fields = ["author"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


class TranslationStateFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            ("complete", _("Complete")),
            ("incomplete", _("Incomplete")),
            *(
                (f"missing-{code}", _("%(language)s missing") % {"language": name})
                for code, name in settings.LANGUAGES
            ),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "complete":
            for code in LANGUAGE_CODES:
                queryset = queryset.available_in(code)
            return queryset
        if value == "incomplete":
            complete = Article.objects.all()
            for code in LANGUAGE_CODES:
                complete = complete.available_in(code)
            return queryset.exclude(pk__in=complete.values("pk"))
        if value and value.startswith("missing-") and value[8:] in LANGUAGE_CODES:
            written = Article.objects.available_in(value[8:]).values("pk")
            return queryset.exclude(pk__in=written)
        return queryset


# A word in most of the archive ("Syria") matches tens of thousands of articles: counting
# them all takes a second. Past this many, the list says so and shows the newest.
ADMIN_SEARCH_LIMIT = 1000


class SearchPaginator(Paginator):
    """Counts the matches of a search up to ADMIN_SEARCH_LIMIT (milliseconds, not seconds)."""

    @cached_property
    def matched(self):
        return self.object_list.order_by()[: ADMIN_SEARCH_LIMIT + 1].count()

    @property
    def capped(self):
        return self.matched > ADMIN_SEARCH_LIMIT

    @cached_property
    def count(self):
        return min(self.matched, ADMIN_SEARCH_LIMIT)


class ArticleChangeList(ChangeList):
    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        if self.query:
            # The drill-down by year lists the years of every match: with a common word,
            # as slow as counting them. The list's own date filter stays.
            self.date_hierarchy = None
        if getattr(self.paginator, "capped", False):
            # A single page of results is the whole queryset (ChangeList.get_results).
            self.result_list = self.result_list[:ADMIN_SEARCH_LIMIT]
            messages.info(
                request,
                _(
                    "More than %(limit)s articles match: the newest %(limit)s are listed. "
                    "Add words to narrow the search."
                )
                % {"limit": formats.number_format(ADMIN_SEARCH_LIMIT, force_grouping=True)},
            )


@admin.register(Article)
class ArticleAdmin(
    BodyTextAdminMixin,
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
    form = ArticleAdminForm
    body_fields = ("lead",)
    inlines = [AuthorshipInline, SectionInline, FigureInline]
    autocomplete_fields = ["topics"]
    prepopulated_fields = {"slug": ["title"]}
    list_display = [
        "title_ar",
        "title_en",
        "state",
        "published_at",
        "translation_state",
        "updated_at",
    ]
    list_filter = [StateFilter, TranslationStateFilter, "kind", "topics", "published_at"]
    date_hierarchy = "published_at"
    # Searched through the site's search index (get_search_results); listed here so that
    # the admin shows its search box and says what it looks in.
    search_fields = ["title_ar", "title_en", "slug"]
    search_help_text = _(
        "Words from the title, kicker, byline or text, in Arabic or English, or the start "
        "of the address."
    )
    # Counting every article again for "N total" on each page costs a full scan at scale.
    show_full_result_count = False
    actions = ["submit_selected", "publish_selected", "unpublish_selected", "announce_selected"]
    object_history_template = "admin/articles/article/object_history.html"
    # Text a translator may edit in the article's other language.
    translated_text = ("kicker", "title", "summary", "lead", "image_alt", "image_caption")
    # What a history restore by someone who may not publish leaves as it is.
    workflow_fields = (
        "status",
        "published_at",
        *(f"language_published_{code}" for code in LANGUAGE_CODES),
    )

    class Media:
        js = ["articles/admin/nested-translation-tabs.js", "articles/admin/outline.js"]

    def get_fieldsets(self, request, obj=None):
        publication = ["status", "published_at", "language_published", "original_language"]
        if permissions.can_publish(request.user):
            publication += ["announce", *(f"announcement_{code}" for code in LANGUAGE_CODES)]
        # modeltranslation turns "title" into "title_ar", "title_en", … (its own helper).
        return self._patch_fieldsets(
            [
                (
                    None,
                    {"fields": ["kicker", "title", "slug", "summary", "lead", "loaded_version"]},
                ),
                (_("Publication"), {"fields": [*publication, "kind", "topics"]}),
                (
                    _("Image"),
                    {"fields": ["image", "image_alt", "image_caption", "image_credit"]},
                ),
            ]
        )

    def get_readonly_fields(self, request, obj=None):
        user = request.user
        flags = [f"language_published_{code}" for code in LANGUAGE_CODES]
        if permissions.is_editor(user):
            return []
        if permissions.is_translator(user):
            original = original_language(obj)
            return [
                "slug",
                "status",
                "published_at",
                "original_language",
                "kind",
                "topics",
                "image",
                "image_credit",
                *flags,
                *(f"{field}_{original}" for field in self.translated_text),
            ]
        return ["published_at", *flags]

    def get_prepopulated_fields(self, request, obj=None):
        if permissions.is_translator(request.user):
            return {}
        # The address follows the title in the desk's language (modeltranslation would
        # tie it to the Arabic title even in the English admin).
        language = get_language()
        if language not in LANGUAGE_CODES:
            language = settings.LANGUAGE_CODE
        return {"slug": [f"title_{language}"]}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "kind" and field is not None:
            # A required menu opens on an empty choice (HTML's rule for a required
            # select); the default kind is selected all the same.
            field.empty_label = "---------"
            # Django repeats a callable default in a hidden input, which would carry the
            # help text's aria-describedby (invalid on a hidden input); the history
            # needs no more than the field's own value to see a change.
            field.show_hidden_initial = False
        return field

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not permissions.can_publish(request.user):
            # Not only hidden: a posted "published" is refused as an invalid choice.
            kwargs["choices"] = [
                (value, label)
                for value, label in Status.choices
                if value in permissions.AUTHOR_EDITABLE
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        """
        Words are looked up in the search index of both languages (titles, kickers,
        bylines and text, with the site's Arabic normalisation); the term also matches the
        start of an address. `icontains` over seven columns and a join took 4.7 s at
        100,000 articles; the index answers in milliseconds.
        """
        term = search_term.strip()
        if not term:
            return queryset, False
        condition = Q(slug__startswith=term.lower())
        query = Query.parse(term)
        if query:
            condition |= matching_any_language(query)
        return queryset.filter(condition), False

    def get_queryset(self, request):
        # The search columns hold several copies of the text, which no admin page shows.
        queryset = super().get_queryset(request).defer(*Article.searchable.columns)
        user = request.user
        if permissions.is_editor(user) or permissions.is_translator(user):
            return queryset
        return queryset.filter(authors__user=user).distinct()

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        if request.GET.get(SEARCH_VAR, "").strip():
            return SearchPaginator(queryset, per_page, orphans, allow_empty_first_page)
        return super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or permissions.can_view(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.can_change(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or permissions.can_delete(request.user, obj))

    def has_publish_permission(self, request):
        return permissions.can_publish(request.user)

    def may_recover(self, request, version):
        """Editors recover any deleted article; an author only one that bylined them."""
        if not self.has_add_permission(request):
            return False
        if permissions.is_editor(request.user):
            return True
        mine = set(Author.objects.filter(user=request.user).values_list("pk", flat=True))
        return any(
            other._model is Authorship
            and str(other.field_dict["article_id"]) == str(version.object_id)
            and other.field_dict["author_id"] in mine
            for other in version.revision.version_set.all()
        )

    def get_inline_instances(self, request, obj=None):
        return for_translators(request, super().get_inline_instances(request, obj))

    # The save bar: saving, and the workflow's steps (publishing.Workflow).

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # A class made for this request: the step is checked against the stored article.
        form.workflow = request.workflow = publishing.Workflow(request.user, obj, request.POST)
        return form

    def render_change_form(self, request, context, *args, **kwargs):
        workflow = getattr(request, "workflow", None)
        if workflow is not None:
            stored = workflow.stored
            scheduled = stored.published_at if stored.is_scheduled else None
            context["workflow"] = {
                "state": stored.state if stored.pk else Status.DRAFT.label,
                "is_draft": stored.status == Status.DRAFT,
                "scheduled_for": scheduled,
                "actions": workflow.offered(),
                "schedule_at": timezone.localtime(scheduled).strftime("%Y-%m-%dT%H:%M")
                if scheduled
                else "",
                "time_zone": timezone.get_current_timezone_name(),
                "return_note": request.POST.get("_return_note", ""),
            }
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
        """A workflow step's own confirmation ("Submitted for review") replaces Django's
        "was changed successfully"."""
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
        workflow = getattr(request, "workflow", None)
        if workflow is not None:
            workflow.settle(obj)
        publishing.prepare_publication(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        self.keep_author_on_byline(request, article)
        self.warn_of_missing_figures(request, article)
        if form.cleaned_data.get("announce") and article.status == Status.PUBLISHED:
            item = publishing.announce(article, form.edited_announcement())
            if item is None:
                messages.warning(
                    request,
                    _("Not announced: the center news needs the article's authors and title."),
                )

    def warn_of_missing_figures(self, request, article):
        """A figure mark whose label no figure has shows readers nothing: say which, and
        save all the same (the figure may be added later)."""
        missing = article.missing_figure_labels()
        if missing:
            messages.warning(
                request,
                ngettext(
                    "The text places a figure that the article does not have: %(labels)s. "
                    "Add a figure with this label under “Figures”, or correct the mark.",
                    "The text places figures that the article does not have: %(labels)s. "
                    "Add figures with these labels under “Figures”, or correct the marks.",
                    len(missing),
                )
                % {"labels": join_list(f"![{label}]" for label in missing)},
            )

    def keep_author_on_byline(self, request, article):
        """An author's article is theirs: they stay on its byline, however it was saved."""
        user = request.user
        if permissions.is_editor(user) or permissions.is_translator(user):
            return
        author = author_record_for(user)
        if not article.authorship_set.filter(author=author).exists():
            Authorship.objects.create(
                article=article, author=author, position=article.authorship_set.count()
            )

    def settle_import(self, request, article):
        """
        An imported draft is what the same person could have typed into the add form:
        fields read-only for them there (an author's publication time) keep their
        defaults, and an author is on its byline, so that they can open it.
        """
        reset = []
        for name in self.get_readonly_fields(request, None):
            field = Article._meta.get_field(name)
            if field.concrete and getattr(article, field.attname) != field.get_default():
                setattr(article, field.attname, field.get_default())
                reset.append(field.attname)
        if reset:
            article.save(update_fields=reset)
        self.keep_author_on_byline(request, article)

    # Shown in the change list.

    @admin.display(description=_("translation"))
    def translation_state(self, article):
        missing = article.missing_languages
        if not missing:
            return _("Complete")
        return join_list(
            _("%(language)s missing") % {"language": language_name(code)} for code in missing
        )

    # Bulk actions: each object is checked against the user's permissions.

    def _apply(self, request, queryset, allowed, change, done_message, comment):
        done, refused = [], []
        for article in queryset:
            if not allowed(article):
                refused.append(article)
                continue
            with transaction.atomic(), reversion.create_revision():
                change(article)
                article.updated_by = request.user
                article.save()
                reversion.set_user(request.user)
                reversion.set_comment(comment)
            done.append(article)
        if done:
            messages.success(request, done_message(len(done)))
        if refused:
            messages.warning(
                request,
                _("Refused (you may not do this to them in their current state): %(titles)s")
                % {"titles": quoted_titles(refused)},
            )

    @admin.action(description=_("Submit selected articles for review"), permissions=["change"])
    def submit_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda article: permissions.can_submit(request.user, article),
            publishing.submit,
            lambda n: (
                ngettext(
                    "Submitted %(count)d article for review.",
                    "Submitted %(count)d articles for review.",
                    n,
                )
                % {"count": n}
            ),
            note(gettext_noop("Submitted for review.")),
        )

    @admin.action(description=_("Publish selected articles"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda article: bool(article.languages) and article.status != Status.PUBLISHED,
            publishing.publish,
            lambda n: (
                ngettext("Published %(count)d article.", "Published %(count)d articles.", n)
                % {"count": n}
            ),
            note(gettext_noop("Published.")),
        )

    @admin.action(description=_("Unpublish selected articles"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda article: article.status == Status.PUBLISHED,
            publishing.unpublish,
            lambda n: (
                ngettext("Unpublished %(count)d article.", "Unpublished %(count)d articles.", n)
                % {"count": n}
            ),
            note(gettext_noop("Unpublished.")),
        )

    @admin.action(
        description=_("Announce selected articles in the center news"), permissions=["publish"]
    )
    def announce_selected(self, request, queryset):
        announced, refused = 0, []
        for article in queryset.prefetch_related("authors"):
            if article.status == Status.PUBLISHED and publishing.announce(article):
                announced += 1
            else:
                refused.append(str(article))
        if announced:
            messages.success(
                request,
                ngettext("Announced %(count)d article.", "Announced %(count)d articles.", announced)
                % {"count": announced},
            )
        if refused:
            messages.warning(
                request,
                _("Not announced (not published, or without authors): %(titles)s")
                % {"titles": quoted_titles(refused)},
            )

    # Preview, history comparison.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        extra_context = dict(extra_context or {})
        if article is not None:
            extra_context["preview_links"] = [
                {
                    "url": article.url_in(code),
                    "label": _("Preview in %(language)s") % {"language": language_name(code)},
                    "code": code,
                }
                for code in article.languages
            ]
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        # reversion's list of versions, with each version's id for the compare form.
        versions = Version.objects.get_for_object_reference(
            self.model, unquote(object_id)
        ).select_related("revision", "revision__user")
        action_list = [
            {
                "revision": version.revision,
                "version_id": version.pk,
                "url": reverse(
                    f"{self.admin_site.name}:articles_article_revision",
                    args=(quote(version.object_id), version.pk),
                ),
            }
            for version in versions
        ]
        context = {"action_list": action_list, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    # The article list, with a link to the import page beside "Add article".
    change_list_template = "admin/articles/article/import/change_list.html"

    def get_urls(self):
        from .import_views import import_urls

        return [
            # "Import article" (articles/import_views.py): before "<path:object_id>/".
            *import_urls(self),
            path(
                "preview-text/",
                self.admin_site.admin_view(self.preview_text_view),
                name="articles_article_preview_text",
            ),
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="articles_article_compare",
            ),
            *super().get_urls(),
        ]

    def preview_text_view(self, request):
        """
        A body field as readers will see it (the body-text box's preview): the site's
        renderer, which escapes and sanitises the text, in the field's language. It reads
        nothing stored: any member of staff may ask.
        """
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        text = request.POST.get("text", "")[:PREVIEW_LIMIT]
        language = request.POST.get("language", "")
        if language not in LANGUAGE_CODES:
            language = get_language()
        with translation.override(language):
            return HttpResponse(body_text(text))

    def compare_view(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        versions = Version.objects.get_for_object(article)
        try:
            first = get_object_or_404(versions, pk=int(request.GET.get("from", "")))
            second = get_object_or_404(versions, pk=int(request.GET.get("to", "")))
        except ValueError:
            raise Http404 from None
        older, newer = sorted([first, second], key=lambda v: v.revision.date_created)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": _("Compare versions of “%(article)s”") % {"article": article},
            "older": older,
            "newer": newer,
            "changes": history.compare(older, newer),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)


@admin.register(Author)
class AuthorAdmin(
    BodyTextAdminMixin,
    AutosaveMixin,
    RestoreAsEditMixin,
    ReadableHistoryMixin,
    BilingualFieldsMixin,
    VersionAdmin,
    TabbedTranslationAdmin,
):
    form = AuthorAdminForm
    body_fields = ("bio",)
    body_figures = False
    fields = [
        "honorific",
        "name",
        "gender",
        "position",
        "bio",
        "photo",
        "photo_alt",
        "slug",
        "user",
    ]
    list_display = ["name_ar", "name_en", "honorific_ar", "honorific_en", "position_ar"]
    search_fields = ["name_ar", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            # The accounts the autocomplete offers, and no other: a forged id of a reader's
            # or a disabled account is an invalid choice.
            kwargs["queryset"] = get_user_model()._default_manager.filter(
                is_staff=True, is_active=True
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Topic)
class TopicAdmin(BilingualFieldsMixin, TabbedTranslationAdmin):
    list_display = ["name_ar", "name_en", "slug"]
    search_fields = ["name_ar", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Kind)
class KindAdmin(BilingualFieldsMixin, TabbedTranslationAdmin):
    list_display = ["name_ar", "name_en", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_ar", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}


def author_record_for(user):
    """The author record of a staff account, made from the account's name if it has none."""
    author = Author.objects.filter(user=user).first()
    if author is not None:
        return author
    name = user.get_full_name() or user.get_username()
    slug = base = slugify(name, allow_unicode=True) or f"author-{user.pk}"
    counter = 1
    while Author.objects.filter(slug=slug).exists():
        counter += 1
        slug = f"{base}-{counter}"
    return Author.objects.create(user=user, slug=slug, name_ar=name, name_en=name)
