"""
The XLIFF exchange in the admin: a document's file for a translator (a download), and the
page where the translated file comes back (translations/xliff.py does the work).

The import page serves one document when it is opened from that document's pages
(?document=articles.article:12): it offers the files to download for each language and
takes back only a file for that document. Opened alone, it takes the file of any document
the person may translate. Whatever the page was opened for, the file's document is checked
against the person's rights as the change page and the translation page check them.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View

from core.text import language_name

from . import xliff
from .parts import LANGUAGE_CODES


def urls(site):
    return [
        path(
            "translations/<str:app_label>/<str:model_name>/<int:pk>/<str:language>/xliff/",
            site.admin_view(ExportView.as_view(site=site)),
            name="translations_export",
        ),
        path(
            "translations/import/",
            site.admin_view(ImportView.as_view(site=site)),
            name="translations_import",
        ),
    ]


def export_url(obj, language, site_name="admin"):
    opts = obj._meta
    return reverse(
        f"{site_name}:translations_export",
        args=[opts.app_label, opts.model_name, obj.pk, language],
    )


def import_url(obj=None, site_name="admin"):
    url = reverse(f"{site_name}:translations_import")
    return f"{url}?document={xliff.document_label(obj)}" if obj is not None else url


def _admin_url(site, obj, view, *args):
    opts = obj._meta
    try:
        return reverse(
            f"{site.name}:{opts.app_label}_{opts.model_name}_{view}",
            args=[obj.pk, *args],
        )
    except NoReverseMatch:
        return ""


def translate_url(site, obj, language):
    """The side-by-side page of `obj` into `language` (translations/side_by_side.py)."""
    opts = obj._meta
    try:
        return reverse(
            f"{site.name}:translations_translate",
            args=[opts.app_label, opts.model_name, obj.pk, language],
        )
    except NoReverseMatch:
        return ""


def document_from_label(label):
    """The document a label names ("articles.article:12"), or None."""
    app_model, _sep, pk = (label or "").rpartition(":")
    app_label, _dot, model_name = app_model.partition(".")
    if not (app_label and model_name and pk.isdigit()):
        return None
    model = xliff.document_model(app_label, model_name)
    return xliff.fetch(model, int(pk)) if model is not None else None


class ExportView(View):
    """The file of one document for a translation into one language, as a download."""

    site = None

    def get(self, request, app_label, model_name, pk, language):
        model = xliff.document_model(app_label, model_name)
        if model is None or language not in LANGUAGE_CODES:
            raise Http404
        obj = xliff.fetch(model, pk)
        if obj is None:
            raise Http404
        if not xliff.may_export(request.user, obj):
            raise PermissionDenied
        if language == xliff.source_language(obj):
            # The original is not translated into itself.
            raise Http404
        response = HttpResponse(xliff.export(obj, language), content_type=xliff.CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{xliff.filename(obj, language)}"'
        return response


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Translated XLIFF file"),
        widget=forms.FileInput(attrs={"accept": ".xlf,.xliff,.xml"}),
    )
    # The document whose page the file is uploaded on ("articles.article:12").
    document = forms.CharField(required=False, max_length=120, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "The .xlf file your translation tool saved (XLIFF 2.0, up to %(size)s), made "
            "from a file exported here. Parts whose original changed since the export are "
            "left out and listed; nothing else is saved if the file is refused."
        ) % {"size": filesizeformat(xliff.MAX_BYTES)}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > xliff.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s: it is not an article's XLIFF file."),
                params={"size": filesizeformat(xliff.MAX_BYTES)},
            )
        return upload


class ImportView(View):
    """Upload a translated file; a page says what was imported and what was left out."""

    site = None

    def get(self, request):
        expected = self.expected(request, request.GET.get("document"))
        form = UploadForm(initial={"document": xliff.document_label(expected) if expected else ""})
        return self.render(request, "admin/translations/xliff_import.html", form, expected)

    def post(self, request):
        form = UploadForm(request.POST, request.FILES)
        expected = self.expected(request, request.POST.get("document"))
        if not form.is_valid():
            return self.render(request, "admin/translations/xliff_import.html", form, expected)
        upload = form.cleaned_data["file"]
        try:
            result = xliff.import_file(upload.read(), user=request.user, expected=expected)
        except xliff.XliffRefused as refusal:
            form.add_error("file", refusal.message)
            return self.render(request, "admin/translations/xliff_import.html", form, expected)
        obj = result.document
        context = {
            "result": result,
            "change_url": _admin_url(self.site, obj, "change"),
            "history_url": _admin_url(self.site, obj, "history"),
            "translate_url": translate_url(self.site, obj, result.language),
            "again_url": import_url(obj, self.site.name),
        }
        return self.render(
            request, "admin/translations/xliff_result.html", form, obj, context, upload.name
        )

    def expected(self, request, label):
        """The document the page is for, if it names one the person may see."""
        if not label:
            return None
        obj = document_from_label(label)
        if obj is None:
            raise Http404
        if not xliff.may_export(request.user, obj):
            raise PermissionDenied
        return obj

    def exports(self, request, obj):
        """The files of `obj` to download, one per language it is translated into."""
        if obj is None:
            return []
        source = xliff.source_language(obj)
        return [
            {
                "url": export_url(obj, code, self.site.name),
                "code": code,
                "filename": xliff.filename(obj, code),
                "label": gettext("Translation into %(language)s")
                % {"language": language_name(code)},
            }
            for code in LANGUAGE_CODES
            if code != source
        ]

    def render(self, request, template, form, obj, extra=None, uploaded=""):
        opts = obj._meta if obj is not None else None
        if form.errors:
            # Screen readers read the refusal with the field, then its help.
            form.fields["file"].widget.attrs["aria-describedby"] = (
                f"xliff-errors {form['file'].auto_id}_helptext"
            )
        if extra is not None:
            title = gettext("Translation imported") if extra["result"].imported else None
            title = title or gettext("Nothing imported")
        else:
            title = gettext("Import a translation (XLIFF)")
        context = {
            **self.site.each_context(request),
            "title": title,
            "form": form,
            "document": obj,
            "opts": opts,
            "document_change_url": _admin_url(self.site, obj, "change") if obj else "",
            "changelist_url": self.changelist_url(opts),
            "exports": self.exports(request, obj),
            "source_language": language_name(xliff.source_language(obj)) if obj else "",
            "uploaded": uploaded,
            "max_size": filesizeformat(xliff.MAX_BYTES),
            **(extra or {}),
        }
        return TemplateResponse(request, template, context)

    def changelist_url(self, opts):
        if opts is None:
            return ""
        try:
            return reverse(f"{self.site.name}:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            return ""
