"""
Where each document stands in each language: complete, missing parts, or out of date.

A *document* is what a translator translates as one piece of work (an article with its
sections, points and figures; a news item; an author; a topic; a series; an issue with
its contents). It is made of *parts*: one translated field of one row ("the heading of
section 2"), each with a text per language (translations/parts.py).

For each part and target language, a `Fingerprint` keeps the source text as it was when
the translation was last saved, and a digest of that translation. From it:

- a part whose source has text and whose target has none is *missing*;
- a part whose translation is unchanged since its fingerprint, while its source is no
  longer the fingerprint's, is *out of date*: the source was corrected after it was
  translated;
- anything else is *complete*. A translation saved (its digest changes) takes the source
  as it is then; one found with no fingerprint yet (text written before this app, or both
  languages typed together) is taken as matching its source.

`TranslationState` keeps the result per document and language, so that the article list,
its filter, the desk and `manage.py translation_status` read one indexed row instead of
every part of every document.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Fingerprint(models.Model):
    document_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    document_id = models.PositiveBigIntegerField()
    # The part's key in its document: "title", "section:12:body", "indication:40:title".
    part = models.CharField(max_length=100)
    language = models.CharField(max_length=5)
    source_text = models.TextField(blank=True)
    target_digest = models.CharField(max_length=64)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document_type", "document_id", "part", "language"],
                name="fingerprint_one_per_part",
            )
        ]
        verbose_name = _("translation fingerprint")
        verbose_name_plural = _("translation fingerprints")

    def __str__(self):
        return f"{self.document_type_id}:{self.document_id} {self.part} ({self.language})"


class TranslationState(models.Model):
    class State(models.TextChoices):
        COMPLETE = "complete", _("Complete")
        MISSING = "missing", _("Missing")
        OUT_OF_DATE = "out-of-date", _("Out of date")

    document_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    document_id = models.PositiveBigIntegerField()
    document = GenericForeignKey("document_type", "document_id")
    language = models.CharField(_("language"), max_length=5)
    # The language the document's text is translated from (an article's original language).
    source_language = models.CharField(_("source language"), max_length=5)
    state = models.CharField(_("state"), max_length=20, choices=State.choices)
    missing = models.PositiveIntegerField(_("missing parts"), default=0)
    out_of_date = models.PositiveIntegerField(_("parts out of date"), default=0)
    # The parts counted above, by key, for pages that mark them.
    missing_parts = models.JSONField(default=list)
    out_of_date_parts = models.JSONField(default=list)
    # When the document was last changed: the desk lists the newest first.
    document_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document_type", "document_id", "language"],
                name="translationstate_one_per_language",
            )
        ]
        indexes = [
            models.Index(
                "document_type",
                "language",
                "state",
                models.F("document_changed_at").desc(nulls_last=True),
                name="translationstate_desk",
            ),
            models.Index(fields=["document_type", "document_id"], name="translationstate_doc"),
        ]
        verbose_name = _("translation state")
        verbose_name_plural = _("translation states")

    def __str__(self):
        return f"{self.document_type_id}:{self.document_id} {self.language} {self.state}"

    @property
    def count(self):
        """The parts its state is about: missing ones, else those out of date."""
        if self.state == self.State.MISSING:
            return self.missing
        if self.state == self.State.OUT_OF_DATE:
            return self.out_of_date
        return 0
