"""
A center's periodicals and numbered series, their issues, and each issue's contents.

A `Series` is a periodical ("اتجاهات آسيوية" / "Asian Trends", quarterly) or a numbered
series of studies ("دراسات المستقبل", issue 12). An `Issue` of it has a number unique in
the series, a date or a range of months, a cover, maybe a PDF, an editorial (an article)
and a table of contents: `IssueEntry` rows, each an article with its pages, grouped under
the named parts the editor gives them ("ملف العدد", "تحليلات", "آراء").

Issues go through the articles' workflow (core.models.Publishable): drafted, reviewed,
published at a time, released per language.
"""

import re

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from articles import images
from articles.models import Article, first_filled, ordered_position_constraint, paragraphs
from core.models import Publishable, PublishableQuerySet, Status
from search.documents import Searchable
from search.indexes import SearchIndex

from . import pdfs

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
ISSN = re.compile(r"^\d{4}-\d{3}[\dX]$")


def series_cache_tag(series_id):
    """The reader-cache tag of what shows a series (its page, its feed, its issues')."""
    return f"series:{series_id}"


def issue_cache_tag(issue_id):
    """The reader-cache tag of what shows an issue (its page, its articles' pages)."""
    return f"issue:{issue_id}"


def validate_issn(value):
    """An ISSN as printed, "2789-1364": eight characters whose last is a check digit."""
    value = value.upper()
    if not ISSN.match(value):
        raise ValidationError(
            _("Write the ISSN as four digits, a hyphen and four more, e.g. “2049-3630”."),
            code="issn",
        )
    digits = value.replace("-", "")
    weights = range(8, 1, -1)
    total = sum(int(digit) * weight for digit, weight in zip(digits[:7], weights, strict=True))
    check = (11 - total % 11) % 11
    if digits[7] != ("X" if check == 10 else str(check)):
        raise ValidationError(
            _("This ISSN’s last character does not match the others: check it for a typo."),
            code="issn_check",
        )


def validate_languages(value):
    if not isinstance(value, list) or not value or not set(value) <= set(LANGUAGE_CODES):
        raise ValidationError(_("Choose the languages the series appears in."), code="languages")


def all_languages():
    return list(LANGUAGE_CODES)


class SeriesQuerySet(models.QuerySet):
    def with_issues_in(self, language):
        """Series named in `language` with an issue published in it: what readers meet."""
        published = Issue.objects.published_in(language).filter(series=models.OuterRef("pk"))
        return self.filter(**{f"name_{language}__gt": ""}).filter(models.Exists(published))


class Series(models.Model):
    class Type(models.TextChoices):
        PERIODICAL = "periodical", _("Periodical")
        NUMBERED = "numbered", _("Numbered series")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        BIMONTHLY = "bimonthly", _("Every two months")
        QUARTERLY = "quarterly", _("Quarterly")
        SEMIANNUAL = "semiannual", _("Twice a year")
        ANNUAL = "annual", _("Yearly")
        IRREGULAR = "irregular", _("Irregular")

    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("e.g. “Asian Trends”.")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_(
            "What the series publishes, for its page. Separate paragraphs with a blank line."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text=_("The series' address on the site; Arabic letters are allowed."),
    )
    series_type = models.CharField(
        _("type"), max_length=20, choices=Type.choices, default=Type.PERIODICAL
    )
    frequency = models.CharField(
        _("frequency"), max_length=20, choices=Frequency.choices, blank=True
    )
    issn = models.CharField(
        "ISSN",
        max_length=9,
        blank=True,
        validators=[validate_issn],
        help_text=_("The series' International Standard Serial Number, if it has one."),
    )
    languages = models.JSONField(
        _("languages"),
        default=all_languages,
        validators=[validate_languages],
        help_text=_("The languages its issues appear in."),
    )
    cover = models.ImageField(
        _("cover"), upload_to="series/", blank=True, validators=[images.validate_upload]
    )
    cover_alt = images.image_alt_field()
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("order in a list", "position"),
        default=0,
        help_text=_("Series are listed in this order, smallest first."),
    )
    search_document_ar = models.TextField(_("search document"), blank=True, editable=False)
    search_document_en = models.TextField(_("search document"), blank=True, editable=False)
    search_vector_ar = SearchVectorField(_("search vector"), null=True, editable=False)
    search_vector_en = SearchVectorField(_("search vector"), null=True, editable=False)
    searchable = Searchable(
        kind="series",
        position=3,
        fields=[["name"], ["description"]],
        order=["position", "pk"],
        snippet="description_{language}",
    )

    objects = SeriesQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("series")
        # One word in English, two in Arabic (سلسلة، السلاسل).
        verbose_name_plural = pgettext_lazy("plural", "series")

    def __str__(self):
        return first_filled(self.name, self.name_ar, self.name_en, self.slug)

    def get_absolute_url(self):
        return reverse("publications:series", kwargs={"slug": self.slug})

    def url_in(self, language):
        with translation.override(language):
            return self.get_absolute_url()

    def is_named_in(self, language):
        return bool(getattr(self, f"name_{language}"))

    def description_paragraphs(self):
        return paragraphs(self.description)

    @property
    def is_periodical(self):
        return self.series_type == self.Type.PERIODICAL

    @classmethod
    def search_candidates(cls, language):
        """The series the site search finds in `language`: named in it, with an issue
        published in it."""
        return cls.objects.with_issues_in(language)

    def search_hit(self, language):
        return {
            "title": getattr(self, f"name_{language}"),
            "url": self.get_absolute_url(),
            "description": first_filled(*paragraphs(getattr(self, f"description_{language}"))),
        }


class IssueQuerySet(PublishableQuerySet):
    def published_in(self, language):
        """What readers of `language` may see: published, released in it, and of a series
        named in it."""
        return self.published().filter(
            **{f"language_published_{language}": True, f"series__name_{language}__gt": ""}
        )


class Issue(Publishable):
    series = models.ForeignKey(
        Series, on_delete=models.PROTECT, related_name="issues", verbose_name=_("series")
    )
    number = models.PositiveIntegerField(
        _("number"),
        validators=[MinValueValidator(1), MaxValueValidator(99999)],
        help_text=_("The issue's number in its series; two issues of a series never share one."),
    )
    theme = models.CharField(
        _("theme"),
        max_length=300,
        blank=True,
        help_text=_("The issue's title, when it has one, e.g. “Asia after the war”."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown with the issue and when it is shared."),
    )
    date = models.DateField(
        _("date"),
        help_text=_("The issue's date; for an issue that covers months, the first of them."),
    )
    date_end = models.DateField(
        _("end of the period"),
        null=True,
        blank=True,
        help_text=_("For an issue that covers several months (April–June), a day of the last."),
    )
    cover = models.ImageField(
        _("cover"), upload_to="issues/%Y/", blank=True, validators=[images.validate_upload]
    )
    cover_alt = images.image_alt_field()
    pdf = models.FileField(
        _("PDF"),
        upload_to="issues/%Y/",
        blank=True,
        validators=[pdfs.validate_pdf],
        help_text=pdfs.HELP_TEXT,
    )
    # The PDF's size in bytes, kept when it is uploaded: the page shows it without asking
    # the media storage (object storage answers each question over the network).
    pdf_size = models.PositiveBigIntegerField(_("PDF size"), default=0, editable=False)
    editorial = models.ForeignKey(
        Article,
        verbose_name=_("editorial"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="editorial_of",
        help_text=_("The article that opens the issue."),
    )
    language_published = models.BooleanField(
        _("published in this language"),
        default=False,
        help_text=_(
            "Readers see this language once the issue is published. Publishing ticks it "
            "for every language the series is named in."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    edit_version = models.PositiveIntegerField(
        pgettext_lazy("save counter", "version"), default=0, editable=False
    )
    search_document_ar = models.TextField(_("search document"), blank=True, editable=False)
    search_document_en = models.TextField(_("search document"), blank=True, editable=False)
    search_vector_ar = SearchVectorField(_("search vector"), null=True, editable=False)
    search_vector_en = SearchVectorField(_("search vector"), null=True, editable=False)
    # Found by what readers call it ("اتجاهات آسيوية العدد الثالث", "Asian Trends issue 3")
    # and its theme, then by its summary; renaming the series rebuilds its issues'.
    searchable = Searchable(
        kind="issue",
        position=4,
        parts=2,
        depends_on=["series"],
        order=["-published_at", "-pk"],
        snippet="summary_{language}",
    )

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "number"],
                name="issue_number_unique_in_series",
                violation_error_message=_("This series already has an issue with this number."),
            ),
            models.CheckConstraint(
                condition=Q(date_end__isnull=True) | Q(date_end__gte=models.F("date")),
                name="issue_period_in_order",
                violation_error_message=_("The end of the period comes before its start."),
            ),
        ]
        indexes = [
            models.Index(fields=["series", "status", "-date"], name="issue_series_status_date"),
            SearchIndex(fields=["search_vector_ar"], name="issue_search_ar"),
            SearchIndex(fields=["search_vector_en"], name="issue_search_en"),
        ]
        permissions = [
            ("publish_issue", _("Can publish and unpublish issues")),
            ("translate_issue", _("Can translate series and issues into their other language")),
        ]
        verbose_name = _("issue")
        verbose_name_plural = _("issues")

    def __str__(self):
        series = self.series if self.series_id else None
        return _("%(series)s, issue %(number)s") % {
            "series": series or "",
            "number": self.number,
        }

    def save(self, *args, **kwargs):
        # As for articles: counted from the stored row, so that a restore moves it on.
        if self.pk is not None:
            stored = Issue.objects.filter(pk=self.pk).values_list("edit_version", flat=True)
            self.edit_version = (stored.first() or 0) + 1
        self.pdf_size = pdfs.size_of(self.pdf, self.pdf_size)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "publications:issue", kwargs={"slug": self.series.slug, "number": self.number}
        )

    def url_in(self, language):
        with translation.override(language):
            return self.get_absolute_url()

    def is_public(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def is_published_in(self, language):
        """The model-level twin of `published_in(language)`."""
        return (
            self.is_public()
            and bool(getattr(self, f"language_published_{language}"))
            and self.series.is_named_in(language)
        )

    @property
    def languages(self):
        """The languages its series is named in: those it can be released in."""
        return [code for code in LANGUAGE_CODES if self.series.is_named_in(code)]

    def summary_paragraphs(self):
        return paragraphs(self.summary)

    @classmethod
    def search_candidates(cls, language):
        return cls.objects.published_in(language).select_related("series")

    def search_hit(self, language):
        from .labels import issue_label, period_label

        with translation.override(language):
            # Readers know an issue by its period: "April–June 2026 · Asia after the war".
            described = [period_label(self, language), getattr(self, f"theme_{language}")]
            return {
                "title": issue_label(self, language),
                "url": self.get_absolute_url(),
                "date": self.published_at,
                "description": " · ".join(part for part in described if part),
            }

    @classmethod
    def search_texts_queryset(cls, queryset):
        return queryset.select_related("series")

    def search_texts(self, language):
        """Heaviest first: the issue's name as readers say it, with its number as a
        numeral too, and its theme; then its summary."""
        from .labels import number_label, series_name

        name = [series_name(self.series, language), number_label(self, language), str(self.number)]
        return None, [
            [" ".join(name), getattr(self, f"theme_{language}")],
            [getattr(self, f"summary_{language}")],
        ]


class IssueEntry(models.Model):
    """One article in an issue's table of contents, with its pages, under a part."""

    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, related_name="entries", verbose_name=_("issue")
    )
    position = models.PositiveIntegerField(pgettext_lazy("order in a list", "position"), default=0)
    part = models.CharField(
        pgettext_lazy("part of a magazine issue", "part"),
        max_length=200,
        blank=True,
        help_text=_(
            "The heading it is listed under, e.g. “Lead file”; entries in a row with "
            "the same part are listed together."
        ),
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="issue_entries", verbose_name=_("article")
    )
    first_page = models.PositiveIntegerField(
        _("first page"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    last_page = models.PositiveIntegerField(
        _("last page"), null=True, blank=True, validators=[MinValueValidator(1)]
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            ordered_position_constraint("issue", "issueentry_position_unique"),
            models.UniqueConstraint(
                fields=["issue", "article"],
                name="issueentry_article_once",
                violation_error_message=_("This article is already in the issue's contents."),
            ),
            models.CheckConstraint(
                condition=Q(last_page__isnull=True)
                | (Q(first_page__isnull=False) & Q(last_page__gte=models.F("first_page"))),
                name="issueentry_pages_in_order",
                violation_error_message=_(
                    "The last page comes before the first, or there is no first page."
                ),
            ),
        ]
        verbose_name = _("entry of the contents")
        verbose_name_plural = _("contents")

    def __str__(self):
        return str(self.article) if self.article_id else ""

    @property
    def pages(self):
        """ "12–19", "12", or "" when the pages are not given."""
        if self.first_page is None:
            return ""
        if self.last_page is None or self.last_page == self.first_page:
            return formats.number_format(self.first_page)
        return f"{formats.number_format(self.first_page)}–{formats.number_format(self.last_page)}"
