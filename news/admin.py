from django import forms
from django.contrib import admin
from django.db import models
from modeltranslation.admin import TabbedTranslationAdmin

from articles import images
from core.admin_mixins import BilingualFieldsMixin

from .models import NewsItem


class NewsItemAdminForm(images.AltTextRequiredMixin, forms.ModelForm):
    # The same checks as article images: too heavy, too many pixels, damaged, alt text.
    alt_text_fields = {"image": "image_alt"}

    class Meta:
        field_classes = {"image": images.ImageUploadField}


@admin.register(NewsItem)
class NewsItemAdmin(BilingualFieldsMixin, TabbedTranslationAdmin):
    form = NewsItemAdminForm
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
    list_display = ["headline_ar", "headline_en", "status", "published_at"]
    list_filter = ["status", "published_at"]
    date_hierarchy = "published_at"
    search_fields = ["headline_ar", "headline_en", "body_ar", "body_en"]
    autocomplete_fields = ["article"]
    # A link typed without a scheme ("example.org/issue-3") is taken as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
