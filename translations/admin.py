"""
The article list and change page with the translation desk's state: a column per
language ("English: out of date (1)", linking to the side-by-side page), a filter by state
per language, and "Translate into English" among the change page's links.

The articles app cannot import this one, so its admin is replaced here by a subclass
(this module is imported after articles' own, in the order of INSTALLED_APPS).
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import JSONObject
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.admin import ArticleAdmin, ArticleChangeList, TranslationStateFilter
from articles.models import Article
from core.text import language_name

from .models import TranslationState
from .parts import LANGUAGE_CODES
from .side_by_side import translate_url
from .xliff_views import import_url

State = TranslationState.State


def states_of_articles():
    """The translation states of articles, to be narrowed to one (OuterRef("pk"))."""
    return TranslationState.objects.filter(
        document_type=ContentType.objects.get_for_model(Article), document_id=OuterRef("pk")
    )


def with_translation_states(queryset):
    """Articles with their state in each language (`translation_state_en`: a dict, or None
    for an article not assessed yet), read in the articles' own query."""
    for code in LANGUAGE_CODES:
        found = states_of_articles().filter(language=code)
        queryset = queryset.annotate(
            **{
                f"translation_state_{code}": Subquery(
                    found.values(
                        found=JSONObject(
                            state="state",
                            missing="missing",
                            out_of_date="out_of_date",
                            source="source_language",
                        )
                    )[:1]
                )
            }
        )
    return queryset


def said_state(language, found):
    """ "English: out of date (1)", "Arabic (original): complete"."""
    name = language_name(language)
    if found and found["source"] == language:
        name = gettext("%(language)s (original)") % {"language": name}
    if not found:
        return gettext("%(language)s: not checked yet") % {"language": name}
    if found["state"] == State.MISSING:
        text = gettext("%(language)s: missing (%(count)s)")
        return text % {"language": name, "count": found["missing"]}
    if found["state"] == State.OUT_OF_DATE:
        text = gettext("%(language)s: out of date (%(count)s)")
        return text % {"language": name, "count": found["out_of_date"]}
    return gettext("%(language)s: complete") % {"language": name}


def state_column(code):
    """The list's column of one language: its state, linked to the side-by-side page when
    the language is a translation."""

    @admin.display(description=lazy(language_name, str)(code))
    def column(self, article):
        found = getattr(article, f"translation_state_{code}", None)
        text = said_state(code, found)
        if found is None or found["source"] == code:
            return text
        return format_html(
            '<a href="{}" hreflang="{}">{}</a>',
            translate_url(article, code, self.admin_site.name),
            code,
            text,
        )

    return column


class TranslationFilter(admin.SimpleListFilter):
    """Articles complete in every language or not, or in one state in one language
    ("missing-en": the values of the articles app's filter it replaces)."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = [("complete", _("Complete")), ("incomplete", _("Incomplete"))]
        said = {
            State.COMPLETE: _("%(language)s: complete"),
            State.MISSING: _("%(language)s: missing"),
            State.OUT_OF_DATE: _("%(language)s: out of date"),
        }
        for code, _name in settings.LANGUAGES:
            for value, text in said.items():
                choices.append((f"{value}-{code}", text % {"language": language_name(code)}))
        return choices

    def queryset(self, request, queryset):
        value = self.value()
        states = states_of_articles()
        if value == "complete":
            for code in LANGUAGE_CODES:
                queryset = queryset.filter(
                    Exists(states.filter(language=code, state=State.COMPLETE))
                )
            return queryset
        if value == "incomplete":
            return queryset.filter(Exists(states.exclude(state=State.COMPLETE)))
        wanted, _dash, code = (value or "").rpartition("-")
        if wanted in State.values and code in LANGUAGE_CODES:
            return queryset.filter(Exists(states.filter(language=code, state=wanted)))
        return queryset


class TranslatedArticleChangeList(ArticleChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        # Counting the list strips the states (Django leaves out unused annotations).
        return with_translation_states(super().get_queryset(request, exclude_parameters))


class TranslatedArticleAdmin(ArticleAdmin):
    list_display = [
        column
        for name in ArticleAdmin.list_display
        for column in (
            [f"translation_{code}" for code in LANGUAGE_CODES]
            if name == "translation_state"
            else [name]
        )
    ]
    list_filter = [
        TranslationFilter if one is TranslationStateFilter else one
        for one in ArticleAdmin.list_filter
    ]
    change_form_template = "admin/translations/article/change_form.html"

    def get_changelist(self, request, **kwargs):
        return TranslatedArticleChangeList

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        # Shown to those who may change the article (the template reads the permission
        # the change page works out).
        if obj is not None and obj.pk is not None:
            context["translation_links"] = [
                {
                    "url": translate_url(obj, code, self.admin_site.name),
                    "code": code,
                    "label": gettext("Translate into %(language)s")
                    % {"language": language_name(code)},
                }
                for code in LANGUAGE_CODES
                if code != obj.original_language
            ]
            # The article's files for outside translators (translations/xliff_views.py).
            context["xliff_url"] = import_url(obj, self.admin_site.name)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


for _code in LANGUAGE_CODES:
    setattr(TranslatedArticleAdmin, f"translation_{_code}", state_column(_code))

admin.site.unregister(Article)
admin.site.register(Article, TranslatedArticleAdmin)
