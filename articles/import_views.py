"""
The admin's "Import article" page. An editor pastes text or uploads a file, sees the
structure found, corrects any misread part, then creates a draft or adds the text as the
other language of an existing article. Nothing is kept between the two steps but what the
preview form posts back, so any app server can answer either.

The preview shows the article's body as readers will see it (lists, quotations, numbered
notes), the import report (every problem, with the fix applied or suggested), and the
table of parts to correct. Where a section's last point ends, a button moves the
paragraph on either side across the end: it posts the table with the move, which is
applied to the parts as posted, so the editor's other corrections stay.
"""

import uuid
from dataclasses import asdict

import reversion
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import formset_factory
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import View

from . import importing
from .importing import ImportRefused, Part, Reason, Role
from .models import Article, Indication, Section
from .signals import center_news_found
from .templatetags.text import Body, Notes

# Every part posts back a role and a text (a point its lead phrase too, a left-out part
# its reason, the last point of a section whether its end was guessed): 300 parts stay
# under Django's limit of 1,000 fields a request.
MAX_PARTS = 300

LENGTH_LIMITS = {
    Role.KICKER: Article._meta.get_field("kicker").max_length,
    Role.TITLE: Article._meta.get_field("title").max_length,
    Role.HEADING: Section._meta.get_field("heading").max_length,
}
LEAD_PHRASE_LIMIT = Indication._meta.get_field("title").max_length


def import_urls(model_admin):
    """The import page's URL, to be put before the ModelAdmin's own (whose catch-all
    "<path:object_id>/" would take it)."""
    view = ImportView.as_view(model_admin=model_admin)
    return [
        path(
            "import/",
            model_admin.admin_site.admin_view(view),
            name="articles_article_import",
        )
    ]


def article_field(model_admin, request, widget):
    """Which article the text is the other language of: one the editor may change."""
    return forms.ModelChoiceField(
        queryset=model_admin.get_queryset(request),
        required=False,
        widget=widget,
        label=_("Add as the other language of"),
        help_text=_(
            "Leave empty to create a new draft. Choose an article to add this text as its "
            "other language, matched to it section by section and point by point."
        ),
    )


def check_target(model_admin, request, article):
    if article is not None and not model_admin.has_change_permission(request, article):
        raise ValidationError(
            _("You may not change “%(article)s”."), params={"article": article}, code="denied"
        )


class UploadForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        required=False,
        strip=False,
        widget=forms.Textarea(
            attrs={
                "rows": 18,
                "dir": "auto",
                "class": "vLargeTextField",
                "maxlength": importing.MAX_TEXT_BYTES,
            }
        ),
        help_text=_(
            "Paste the article as you have it: from Word, an e-mail or its web page. "
            "Kicker, title and date first, then the lead, headings and numbered points."
        ),
    )
    file = forms.FileField(
        label=_("Or a file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".docx,.txt"}),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Tell from the script")), *settings.LANGUAGES],
    )

    def __init__(self, *args, request, model_admin, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.model_admin = model_admin
        self.fields["file"].help_text = _(
            "A Word document (.docx, up to %(word)s) or a text file (.txt, up to %(text)s)."
        ) % {
            "word": filesizeformat(importing.MAX_WORD_FILE_BYTES),
            "text": filesizeformat(importing.MAX_TEXT_BYTES),
        }
        widget = AutocompleteSelect(Section._meta.get_field("article"), model_admin.admin_site)
        self.fields["translation_of"] = article_field(model_admin, request, widget)
        self.imported = None

    def clean_translation_of(self):
        article = self.cleaned_data["translation_of"]
        check_target(self.model_admin, self.request, article)
        return article

    def clean(self):
        cleaned_data = super().clean()
        text = cleaned_data.get("text") or ""
        upload = cleaned_data.get("file")
        if text.strip() and upload:
            raise ValidationError(_("Paste the text or choose a file, not both."))
        language = cleaned_data.get("language") or None
        try:
            if upload:
                imported = importing.read_upload(upload, language)
            elif text.strip():
                imported = importing.read_text(text, language)
            else:
                raise ValidationError(_("Paste the article's text or choose a file."))
        except ImportRefused as refusal:
            raise ValidationError(refusal.message) from None
        if len(imported.parts) > MAX_PARTS:
            raise ValidationError(
                _(
                    "The text has %(count)d parts; this page can show up to %(limit)d. Import "
                    "it with the import_article command, or in several pieces."
                ),
                params={"count": len(imported.parts), "limit": MAX_PARTS},
            )
        self.imported = imported
        self.source = upload.name if upload else ""
        return cleaned_data


class PartForm(forms.Form):
    role = forms.ChoiceField(label=_("Part"), choices=Role.choices)
    lead = forms.CharField(label=_("Lead phrase"), required=False)
    text = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto", "class": "vLargeTextField"}),
    )
    reason = forms.ChoiceField(
        required=False, choices=[("", ""), *Reason.choices], widget=forms.HiddenInput
    )
    end_guessed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.fields["lead"].widget.attrs.update({"dir": "auto", "class": "vTextField"})
        # The table's column headings name these fields for sighted editors; screen
        # readers get the same names.
        for name in ("role", "text"):
            self.fields[name].widget.attrs["aria-label"] = self.fields[name].label
        # Tall enough to read the whole paragraph without scrolling inside it.
        text = self.data.get(self.add_prefix("text")) or self.initial.get("text") or ""
        self.fields["text"].widget.attrs["rows"] = min(12, max(2, len(text) // 90 + 1))

    def clean(self):
        cleaned_data = super().clean()
        role = cleaned_data.get("role")
        lead = cleaned_data.get("lead", "")
        text = cleaned_data.get("text", "")
        if role == Role.INDICATION and self.add_prefix("lead") not in self.data:
            # The part has just been made a point: find its lead phrase as the reader would.
            lead, text = importing.split_lead_phrase(importing.clean(text), self.language)
        elif role != Role.INDICATION and lead:
            # A point turned into something else keeps its lead phrase's words.
            text = f"{lead} {text}".strip()
            lead = ""
        if role != Role.INDICATION:
            cleaned_data["end_guessed"] = False
        if role == Role.LEFT_OUT and not cleaned_data.get("reason"):
            cleaned_data["reason"] = Reason.EDITOR
        elif role != Role.LEFT_OUT:
            cleaned_data["reason"] = ""
        if role == Role.INDICATION and not (lead.strip() or text.strip()):
            self.add_error("text", _("A numbered point needs a lead phrase or a text."))
        if role == Role.DATE and not importing.parse_date(text):
            self.add_error(
                "text",
                _(
                    "This is not a date the importer can read. Write it like "
                    "“4 April 2018”, “04 أبريل، 2018” or “04/04/2018”."
                ),
            )
        limit = LENGTH_LIMITS.get(role)
        if limit and len(importing.clean(text)) > limit:
            self.add_error(
                "text",
                _("Too long for this part (%(limit)d characters at most): make it a paragraph.")
                % {"limit": limit},
            )
        if role == Role.INDICATION and len(importing.clean(lead)) > LEAD_PHRASE_LIMIT:
            self.add_error(
                "lead",
                _("A lead phrase has %(limit)d characters at most.") % {"limit": LEAD_PHRASE_LIMIT},
            )
        cleaned_data["lead"] = lead
        cleaned_data["text"] = text
        return cleaned_data

    def part(self):
        data = self.cleaned_data
        return Part(
            data["role"],
            data["text"],
            lead=data["lead"],
            reason=data["reason"],
            end_guessed=data["end_guessed"],
        )


class BasePartFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        roles = [form.cleaned_data["role"] for form in self.forms]
        for role in (Role.KICKER, Role.TITLE, Role.DATE):
            if roles.count(role) > 1:
                raise ValidationError(
                    _("Only one part can be the %(part)s.") % {"part": Role(role).label.lower()}
                )
        if not any(
            form.cleaned_data["text"] or form.cleaned_data["lead"]
            for form in self.forms
            if form.cleaned_data["role"] != Role.LEFT_OUT
        ):
            raise ValidationError(_("Every part is left out: there is no article to create."))


PartFormSet = formset_factory(
    PartForm,
    formset=BasePartFormSet,
    extra=0,
    max_num=MAX_PARTS,
    absolute_max=MAX_PARTS,
    validate_max=True,
)


class PreviewForm(forms.Form):
    """What the preview posts back besides the parts."""

    language = forms.ChoiceField(label=_("Language of the text"), choices=settings.LANGUAGES)
    source = forms.CharField(required=False, max_length=255, widget=forms.HiddenInput)
    # Where the Word file's pictures wait for the draft (kept_pictures()).
    pictures = forms.RegexField(regex=r"^[0-9a-f]{32}$", required=False, widget=forms.HiddenInput)
    create_news = forms.BooleanField(
        label=_("Also add the center-news lines as draft news items"), required=False
    )
    create_authors = forms.BooleanField(
        label=_("Also add the authors not found as new authors"), required=False
    )

    def __init__(self, *args, request, model_admin, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.model_admin = model_admin
        self.fields["translation_of"] = article_field(model_admin, request, forms.HiddenInput)

    def clean_translation_of(self):
        article = self.cleaned_data["translation_of"]
        check_target(self.model_admin, self.request, article)
        return article


def may_create_authors(request):
    return request.user.has_perm("articles.add_author")


# How long a Word file's pictures wait for the editor to create the draft.
PICTURES_KEPT_FOR = 6 * 60 * 60


def pictures_key(request, token):
    # The person's id in the key: a token posted by someone else finds nothing.
    return f"import-pictures:{request.user.pk}:{token}"


def keep_pictures(request, imported):
    """
    The Word file's pictures (bytes, captions) kept in the shared cache while the editor
    corrects the preview, which posts only text: their token goes in the preview form.
    """
    if not imported.figures:
        return ""
    token = uuid.uuid4().hex
    cache.set(pictures_key(request, token), imported.figures, PICTURES_KEPT_FOR)
    return token


def kept_pictures(request, token):
    return (cache.get(pictures_key(request, token)) or []) if token else []


class ImportView(View):
    model_admin = None

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        initial = {}
        target = request.GET.get("translation_of", "")
        if target.isdigit():
            initial["translation_of"] = target
        form = UploadForm(initial=initial, request=request, model_admin=self.model_admin)
        return self.render(request, "form.html", {"form": form, "media": form.media})

    def post(self, request):
        if {"_update", "_create", "_move"} & request.POST.keys():
            return self.post_preview(request)
        form = UploadForm(
            request.POST, request.FILES, request=request, model_admin=self.model_admin
        )
        if not form.is_valid():
            return self.render(request, "form.html", {"form": form, "media": form.media})
        imported = form.imported
        target = form.cleaned_data["translation_of"]
        preview = PreviewForm(
            initial={
                "language": imported.language,
                "translation_of": target.pk if target else None,
                "source": form.source,
                "pictures": keep_pictures(request, imported),
            },
            request=request,
            model_admin=self.model_admin,
        )
        parts = PartFormSet(
            initial=[asdict(part) for part in imported.parts],
            prefix="parts",
            form_kwargs={"language": imported.language},
        )
        return self.render_preview(request, preview, parts, imported, target)

    def post_preview(self, request):
        preview = PreviewForm(request.POST, request=request, model_admin=self.model_admin)
        language = request.POST.get("language")
        parts = PartFormSet(request.POST, prefix="parts", form_kwargs={"language": language})
        if not (preview.is_valid() and parts.is_valid()):
            return self.render_preview(request, preview, parts, None, None)
        language = preview.cleaned_data["language"]
        target = preview.cleaned_data["translation_of"]
        read = [form.part() for form in parts.forms]
        imported = importing.assemble(read, language)
        if "_move" in request.POST:
            # A move only ever changes the preview: the draft is created by its own button.
            try:
                read = importing.move_paragraph(read, imported, request.POST["_move"])
            except importing.MoveRefused:
                preview.add_error(
                    None,
                    gettext(
                        "That paragraph cannot be moved: the preview has changed since. "
                        "Nothing was moved; use the buttons as they are now."
                    ),
                )
            else:
                imported = importing.assemble(read, language)
        # Shown again as corrected, not as posted: a part just made a point shows the lead
        # phrase found for it, a point made a paragraph its whole text.
        parts = PartFormSet(
            initial=[asdict(part) for part in read],
            prefix="parts",
            form_kwargs={"language": language},
        )
        if "_create" not in request.POST or "_move" in request.POST:
            return self.render_preview(request, preview, parts, imported, target)
        source = preview.cleaned_data["source"]
        imported.figures = kept_pictures(request, preview.cleaned_data["pictures"])
        try:
            # One revision for the import and what the user's role makes of it.
            with transaction.atomic(), reversion.create_revision():
                if target is None:
                    article = importing.create_article(
                        imported,
                        user=request.user,
                        source=source,
                        create_authors=may_create_authors(request)
                        and preview.cleaned_data["create_authors"],
                    )
                    self.model_admin.settle_import(request, article)
                else:
                    article = importing.add_translation(
                        imported, target, user=request.user, source=source
                    )
        except ImportRefused as refusal:
            preview.add_error(None, refusal.message)
            return self.render_preview(request, preview, parts, imported, target)
        if preview.cleaned_data["pictures"]:
            cache.delete(pictures_key(request, preview.cleaned_data["pictures"]))
        self.announce(request, article, imported, target, preview.cleaned_data["create_news"])
        return redirect(
            reverse(
                "admin:articles_article_change",
                args=[article.pk],
                current_app=self.model_admin.admin_site.name,
            )
        )

    def announce(self, request, article, imported, target, create_news):
        if target is None:
            messages.success(
                request,
                gettext(
                    "The draft “%(article)s” was created from the imported text. Check it, "
                    "add its authors and topics, and submit it for review."
                )
                % {"article": article},
            )
        else:
            messages.success(
                request,
                gettext(
                    "%(language)s was added to “%(article)s”. Readers will see it once an "
                    "editor publishes it in that language."
                )
                % {"language": imported.language_name, "article": article},
            )
        if create_news and request.user.has_perm("news.add_newsitem"):
            items = [
                item
                for _receiver, made in center_news_found.send(
                    sender=Article, headlines=imported.news_headlines
                )
                for item in made
            ]
            if items:
                messages.info(
                    request,
                    ngettext(
                        "%(count)d draft news item was added from the center news.",
                        "%(count)d draft news items were added from the center news.",
                        len(items),
                    )
                    % {"count": len(items)},
                )

    def render_preview(self, request, preview, parts, imported, target):
        offer_news = bool(
            imported is not None
            and imported.news_headlines
            and request.user.has_perm("news.add_newsitem")
        )
        # The byline's authors, each with the author it is on the site or None: a new
        # one is added only if the editor asks and may add authors.
        authors = importing.match_authors(imported) if imported is not None else []
        offer_authors = (
            target is None
            and may_create_authors(request)
            and any(found is None for _author, found in authors)
        )
        report = []
        if imported is not None:
            report = importing.report(
                imported,
                target=target,
                create_authors=offer_authors
                and getattr(preview, "cleaned_data", {}).get("create_authors", False),
                how_to_create=gettext("Tick “%(label)s” to add them.")
                % {"label": preview.fields["create_authors"].label}
                if offer_authors
                else "",
            )
        shown = [problem for problem in report if not problem.left_out]
        context = {
            "preview": preview,
            "parts": parts,
            "imported": imported,
            "target": target,
            # The lines left out are listed apart, as the editor has them.
            "report": shown,
            "report_counts": importing.counts(shown),
            # The article's notes, numbered as readers will see them. Its figures are
            # not saved yet: their marks show nothing until they are.
            "body": Body(Notes(imported.body_texts())) if imported is not None else None,
            "offer_news": offer_news,
            "authors": authors,
            "offer_authors": offer_authors,
            "article_bidi": bool(imported and imported.language in settings.LANGUAGES_BIDI),
            "Role": Role,
        }
        return self.render(request, "preview.html", context)

    def render(self, request, template, context):
        opts = Article._meta
        context = {
            **self.model_admin.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "has_view_permission": self.model_admin.has_view_permission(request),
            "title": _("Import article"),
            **context,
        }
        return TemplateResponse(request, f"admin/articles/article/import/{template}", context)
