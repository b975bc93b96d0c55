from modeltranslation.translator import TranslationOptions, register

from .models import Issue, IssueEntry, Series


@register(Series)
class SeriesTranslationOptions(TranslationOptions):
    fields = ("name", "description", "cover_alt")


@register(Issue)
class IssueTranslationOptions(TranslationOptions):
    fields = ("theme", "summary", "cover_alt", "language_published")


@register(IssueEntry)
class IssueEntryTranslationOptions(TranslationOptions):
    fields = ("part",)
