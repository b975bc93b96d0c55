from django import forms
from django.contrib import admin
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
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

    def get_fields(self, request, obj=None):
        # The publication an item leads to is set by the app that announced it (an issue
        # announced when it is published): shown on its items, never typed by an editor,
        # and never in the form, so a forged post cannot set it either.
        fields = list(super().get_fields(request, obj))
        if obj is not None and obj.subject is not None:
            fields.insert(fields.index("article"), "announced_publication")
        return fields

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "announced_publication"]
        if not self.may_publish(request):
            readonly.append("published_at")
        return readonly

    @admin.display(description=_("announced publication"))
    def announced_publication(self, obj):
        """The publication the item leads to, linked to its change page."""
        subject = obj.subject
        opts = subject._meta
        try:
            url = reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                args=[subject.pk],
            )
        except NoReverseMatch:
            return str(subject)
        return format_html('<a href="{}">{}</a>', url, subject)

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
