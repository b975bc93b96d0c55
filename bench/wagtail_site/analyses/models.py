"""
An analysis as a Wagtail developer would model it, after Wagtail's bakerydemo blog: a page
with a kicker, a date, a lead and a StreamField body of headings and paragraphs, authors
as an ordered inline of snippets, topics as tags, and center news as pages of their own.
"""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.snippets.models import register_snippet


@register_snippet
class Author(models.Model):
    name = models.CharField(max_length=200)
    honorific = models.CharField(max_length=50, blank=True)
    position = models.CharField(max_length=200, blank=True)

    panels = [FieldPanel("honorific"), FieldPanel("name"), FieldPanel("position")]

    def __str__(self):
        return self.name


class ArticleIndexPage(Page):
    subpage_types = ["analyses.ArticlePage"]


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "analyses.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(Page):
    kicker = models.CharField(max_length=200, blank=True)
    date_published = models.DateField(null=True, blank=True)
    lead = RichTextField(blank=True)
    body = StreamField(
        [
            ("heading", blocks.CharBlock(form_classname="title")),
            ("paragraph", blocks.RichTextBlock()),
        ],
        blank=True,
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("kicker"),
        FieldPanel("date_published"),
        InlinePanel("article_authors", label="Authors"),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    parent_page_types = ["analyses.ArticleIndexPage"]

    def authors(self):
        # As bakerydemo's BlogPage.authors().
        return [relationship.author for relationship in self.article_authors.all()]


class ArticlePageAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]


class NewsIndexPage(Page):
    subpage_types = ["analyses.NewsPage"]


class NewsPage(Page):
    date = models.DateField()
    body = RichTextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("date"), FieldPanel("body")]
    parent_page_types = ["analyses.NewsIndexPage"]
