import nested_admin
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationInlineModelAdmin

from thinktank.admin_mixins import BilingualFieldsMixin

from .models import Article, Author, Authorship, Indication, Section, Topic


class PositionedFormSet(nested_admin.formsets.NestedInlineFormSet):
    """
    Make the submitted positions distinct before the forms are validated.

    Editors set positions by dragging (the field is hidden), so equal or unreadable values
    only come from a broken script or a hand-made request; nested_admin's template cannot
    even sort them. Ties keep the order in which the forms were submitted, values that are
    not numbers go last, and nested_admin renumbers everything 0, 1, 2… when saving.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = getattr(self, "sortable_field_name", None)
        if not (self.is_bound and field):
            return
        keys = [f"{self.add_prefix(i)}-{field}" for i in range(self.total_form_count())]

        def order(index):
            value = self.data.get(keys[index], "")
            return (0, int(value), index) if value.isdigit() else (1, 0, index)

        self.data = self.data.copy()
        for position, index in enumerate(sorted(range(len(keys)), key=order)):
            self.data[keys[index]] = str(position)


# TranslationInlineModelAdmin (not TranslationStackedInline, which would bring Django's
# stacked template ahead of nested_admin's in the MRO and hide the nested points).
class IndicationInline(
    BilingualFieldsMixin, TranslationInlineModelAdmin, nested_admin.NestedStackedInline
):
    model = Indication
    fields = ("position", "title", "body")
    sortable_field_name = "position"
    formset = PositionedFormSet
    extra = 0


class SectionInline(
    BilingualFieldsMixin, TranslationInlineModelAdmin, nested_admin.NestedStackedInline
):
    model = Section
    fields = ("position", "heading", "body", "closing")
    sortable_field_name = "position"
    formset = PositionedFormSet
    inlines = [IndicationInline]
    extra = 0


class AuthorshipInline(nested_admin.NestedTabularInline):
    model = Authorship
    fields = ("position", "author")
    sortable_field_name = "position"
    formset = PositionedFormSet
    autocomplete_fields = ["author"]
    extra = 0


@admin.register(Article)
class ArticleAdmin(BilingualFieldsMixin, TabbedTranslationAdmin, nested_admin.NestedModelAdmin):
    fieldsets = [
        (None, {"fields": ["kicker", "title", "slug", "summary", "lead"]}),
        (_("Publication"), {"fields": ["status", "published_at", "topics"]}),
        (_("Image"), {"fields": ["image", "image_caption", "image_credit"]}),
    ]
    inlines = [AuthorshipInline, SectionInline]
    autocomplete_fields = ["topics"]
    prepopulated_fields = {"slug": ["title"]}
    list_display = ["title_ar", "title_en", "status", "published_at", "updated_at"]
    list_filter = ["status", "topics", "published_at"]
    date_hierarchy = "published_at"
    search_fields = [
        "title_ar",
        "title_en",
        "kicker_ar",
        "kicker_en",
        "slug",
        "authors__name_ar",
        "authors__name_en",
    ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Author)
class AuthorAdmin(BilingualFieldsMixin, TabbedTranslationAdmin):
    fields = ["honorific", "name", "position", "bio", "photo", "slug", "user"]
    list_display = ["name_ar", "name_en", "honorific_ar", "honorific_en", "position_ar"]
    search_fields = ["name_ar", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]


@admin.register(Topic)
class TopicAdmin(BilingualFieldsMixin, TabbedTranslationAdmin):
    list_display = ["name_ar", "name_en", "slug"]
    search_fields = ["name_ar", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}
