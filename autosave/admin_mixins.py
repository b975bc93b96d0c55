from django import forms
from django.urls import reverse
from django.utils.translation import pgettext_lazy

from .keys import page_key
from .models import FormDraft


class AutosaveMixin:
    """
    A ModelAdmin whose add and change pages keep what is typed (autosave.js): the page
    warns before it is left with unsaved changes, Enter in a one-line field does not save
    a half-written form, and the fields are kept on the server every few seconds and
    offered back when the editor returns. A successful save drops the kept copy.
    """

    @property
    def media(self):
        # A property, not a Media class: the admin classes that use the mixin have Media
        # classes of their own, which would hide the mixin's.
        return super().media + forms.Media(js=["autosave/admin/autosave.js"])

    def render_change_form(self, request, context, *args, **kwargs):
        site = self.admin_site.name
        context["autosave"] = {
            "key": page_key(request),
            "fetch": reverse(f"{site}:autosave_fetch"),
            "keep": reverse(f"{site}:autosave_keep"),
            "discard": reverse(f"{site}:autosave_discard"),
            "restore_label": pgettext_lazy("unsaved text", "Restore"),
            "discard_label": pgettext_lazy("unsaved text", "Discard"),
        }
        return super().render_change_form(request, context, *args, **kwargs)

    def forget_draft(self, request):
        FormDraft.objects.of(request.user, page_key(request)).delete()

    def response_add(self, request, obj, post_url_continue=None):
        self.forget_draft(request)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self.forget_draft(request)
        return super().response_change(request, obj)
