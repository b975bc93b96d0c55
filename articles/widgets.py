"""
The editor's text box for body text: a textarea with a small toolbar for the marks of the
body format (articles/templatetags/text.py), a line saying what they are, and a preview
of the field as readers will see it. The toolbar and the preview need JavaScript
(static/articles/admin/body-toolbar.js); without it the box is a plain textarea and the
help line still tells the marks.
"""

from django import forms
from django.utils.translation import pgettext_lazy

# (action, the button's text, what it does): the script knows each action.
TOOLS = [
    ("strong", pgettext_lazy("formatting button", "Bold"), "**…**"),
    ("em", pgettext_lazy("formatting button", "Italic"), "*…*"),
    ("link", pgettext_lazy("formatting button", "Link"), "[…](https://…)"),
    ("bullets", pgettext_lazy("formatting button", "Bulleted list"), "- …"),
    ("numbers", pgettext_lazy("formatting button", "Numbered list"), "1. …"),
    ("quote", pgettext_lazy("formatting button", "Quotation"), "> …"),
    ("note", pgettext_lazy("formatting button", "Note"), "[^1]"),
    ("figure", pgettext_lazy("formatting button", "Figure"), "![1]"),
]


class BodyTextarea(forms.Textarea):
    template_name = "articles/widgets/body_textarea.html"

    def __init__(self, attrs=None, *, preview_url="", figures=True):
        super().__init__(attrs)
        self.preview_url = preview_url
        self.figures = figures

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["tools"] = [tool for tool in TOOLS if self.figures or tool[0] != "figure"]
        context["preview_url"] = self.preview_url
        return context

    @property
    def media(self):
        return forms.Media(js=["articles/admin/body-toolbar.js"])


class BodyTextAdminMixin:
    """
    For a ModelAdmin or inline: its body fields (`body_fields`, by their untranslated
    names: both languages' columns get it) are edited in a BodyTextarea, whose preview
    asks the article admin's renderer (ArticleAdmin.preview_text_view).
    """

    body_fields = ()
    # Figures belong to articles: other texts (a bio, a news item) have none to place.
    body_figures = True

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        original = getattr(db_field, "translated_field", db_field)
        if original.name in self.body_fields:
            from django.urls import reverse

            kwargs["widget"] = BodyTextarea(
                attrs={"rows": 8},
                preview_url=reverse(f"{self.admin_site.name}:articles_article_preview_text"),
                figures=self.body_figures,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)
