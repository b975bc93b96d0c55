from django import forms
from django.contrib import admin
from django.db import models
from modeltranslation.admin import TabbedTranslationAdmin

from articles import images
from articles.widgets import BodyTextAdminMixin
from autosave.admin_mixins import AutosaveMixin
from core.admin_mixins import BilingualFieldsMixin, PublishableAdminMixin, StateFilter
from core.models import Status

from .models import NewsItem


class NewsItemAdminForm(images.AltTextRequiredMixin, forms.ModelForm):
    # The same checks as article images: too heavy, too many pixels, damaged, alt text.
    alt_text_fields = {"image": "image_alt"}

    class Meta:
        field_classes = {"image": images.ImageUploadField}


@admin.register(NewsItem)
class NewsItemAdmin(
    BodyTextAdminMixin,
    AutosaveMixin,
    PublishableAdminMixin,
    BilingualFieldsMixin,
    TabbedTranslationAdmin,
):
    form = NewsItemAdminForm
    body_fields = ("body",)
    body_figures = False
    fields = [
        "headline",
        "body",
        "status",
        "published_at",
        "article",
        "link",
        "image",
        "image_alt",
    ]
    list_display = ["headline_ar", "headline_en", "state", "published_at"]
    list_filter = [StateFilter, "published_at"]
    date_hierarchy = "published_at"
    search_fields = ["headline_ar", "headline_en", "body_ar", "body_en"]
    autocomplete_fields = ["article"]
    # A link typed without a scheme ("example.org/issue-3") is taken as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def may_publish(self, request):
        return request.user.has_perm("news.publish_newsitem")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.may_publish(request):
            readonly.append("published_at")
        return readonly

    def has_change_permission(self, request, obj=None):
        # What is published is out of reach of whoever may not publish: even its text.
        allowed = super().has_change_permission(request, obj)
        published = obj is not None and obj.status == Status.PUBLISHED
        return allowed and (not published or self.may_publish(request))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        published = obj is not None and obj.status == Status.PUBLISHED
        return allowed and (not published or self.may_publish(request))

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.may_publish(request):
            # Not only hidden: a posted "published" is refused as an invalid choice.
            kwargs["choices"] = [
                (value, label)
                for value, label in Status.choices
                if value in (Status.DRAFT, Status.REVIEW)
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)
