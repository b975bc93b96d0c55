from modeltranslation.translator import TranslationOptions, register

from .models import Article, Author, Figure, Indication, Kind, Section, Topic


@register(Author)
class AuthorTranslationOptions(TranslationOptions):
    fields = ("name", "honorific", "position", "bio", "photo_alt")


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Kind)
class KindTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = (
        "kicker",
        "title",
        "summary",
        "lead",
        "image_alt",
        "image_caption",
        "language_published",
    )


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("heading", "body", "closing")


@register(Indication)
class IndicationTranslationOptions(TranslationOptions):
    fields = ("title", "body")


@register(Figure)
class FigureTranslationOptions(TranslationOptions):
    fields = ("image_alt", "caption", "credit")
