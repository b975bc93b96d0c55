from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from core import caching
from core.pagination import RememberedCountMixin

from . import appearances, citations, permissions, renditions, seo
from .models import Article, Author, Indication, Kind, Topic, article_cache_tag


def with_authors(queryset):
    """Fetch each article's authors in byline order, in one query for the whole page.

    Pages leave the search columns behind: they hold several copies of the text and
    would make every page read far more than it shows.
    """
    authors = Author.objects.defer(*Author.searchable.columns).order_by(
        "authorship__position", "authorship__pk"
    )
    return queryset.defer(*Article.searchable.columns).prefetch_related(
        Prefetch("authors", queryset=authors)
    )


def written_in(queryset, field, language):
    """Rows whose translated `field` has text in `language` (NULL and "" both fail `> ""`)."""
    return queryset.filter(**{f"{field}_{language}__gt": ""})


class ArticleListView(RememberedCountMixin, ListView):
    """Published articles written in the page's language, newest first, paginated."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    heading = _("Analyses")

    def get_paginate_by(self, queryset):
        return settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        return with_authors(self.narrow(Article.objects.published_in(get_language())))

    def narrow(self, queryset):
        """What a listing keeps of the published articles (all of them here)."""
        return queryset

    def get_context_data(self, **kwargs):
        kwargs.setdefault("heading", self.heading)
        return super().get_context_data(**kwargs)


class GroupArticlesView(ArticleListView):
    """
    The articles of one group readers browse by (a topic, a kind of publication), with its
    feeds. A group without a name in the page's language has no page in it.
    """

    model = None  # Topic, Kind
    relation = None  # the article's field that points to the group
    feeds = {}  # the names of its RSS and Atom feeds

    def narrow(self, queryset):
        groups = written_in(self.model.objects.all(), "name", get_language())
        self.group = get_object_or_404(groups, slug=self.kwargs["slug"])
        return queryset.filter(**{self.relation: self.group})

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            group=self.group,
            heading=self.group.name,
            feeds=self.feeds,
            feed_args=[self.group.slug],
            **kwargs,
        )


class TopicArticlesView(GroupArticlesView):
    model = Topic
    relation = "topics"
    feeds = {"rss": "articles:topic-rss", "atom": "articles:topic-atom"}


class KindArticlesView(GroupArticlesView):
    model = Kind
    relation = "kind"
    feeds = {"rss": "articles:kind-rss", "atom": "articles:kind-atom"}


class YearArticlesView(ArticleListView):
    # A year with nothing published is not a page.
    allow_empty = False

    def narrow(self, queryset):
        if not 1 <= self.kwargs["year"] <= 9999:  # beyond what a date can hold
            raise Http404
        return queryset.filter(published_at__year=self.kwargs["year"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=_("Analyses of %(year)s") % {"year": self.kwargs["year"]}, **kwargs
        )


class AuthorArticlesView(ArticleListView):
    """An author's page: who they are, then their articles in the page's language."""

    template_name = "articles/author_detail.html"

    def narrow(self, queryset):
        authors = written_in(Author.objects.all(), "name", get_language())
        self.author = get_object_or_404(authors, slug=self.kwargs["slug"])
        return queryset.filter(authors=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, heading=self.author.byline, **kwargs)


class AuthorListView(RememberedCountMixin, ListView):
    """Everyone with an article published in the page's language."""

    template_name = "articles/author_list.html"
    context_object_name = "authors"

    def get_paginate_by(self, queryset):
        return settings.ARTICLES_PER_PAGE * 4

    def get_queryset(self):
        language = get_language()
        return (
            Author.objects.with_work_published_in(language)
            .defer(*Author.searchable.columns)
            .order_by(f"name_{language}")
        )


def article_queryset():
    return with_authors(Article.objects.all()).select_related("kind").prefetch_related("topics")


def article_body(article, language):
    """
    The lead, sections and numbered points as HTML, with the figures they place. Most of
    an article page's work is here (dozens of paragraphs through Markdown and the
    sanitiser), so the result is remembered until the article changes: saving it, a
    section, a point, a figure or its byline moves the "article:<id>" tag on
    (caching.remember). Its figures are read in one query, however many there are.
    """

    def render():
        points = Indication.objects.order_by("position", "pk")
        sections = article.sections.prefetch_related(Prefetch("indications", queryset=points))
        context = {"article": article, "sections": sections, "figures": article.figures.all()}
        return render_to_string("articles/includes/article_body.html", context)

    name = f"article-body:{article.pk}:{language}"
    return mark_safe(caching.remember(name, [article_cache_tag(article.pk)], render))


def article_detail(request, slug):
    """
    The article in the page's language. Staff who may work on it see it whatever its
    status, under a preview banner; readers get a 404 unless it is published in this
    language, and a pointer to the languages it is published in when there are some.
    An article in an issue of a periodical says so, with a link to the issue.
    """
    language = get_language()
    article = article_queryset().filter(slug=slug).first()
    if article is None:
        raise Http404
    # Where it appears in print (one query), for the page, its citation and schema.org.
    appearance = appearances.appearance_of(article, language)
    context = {
        "article": article,
        "appearance": appearance,
        "body": article_body(article, language),
        "alternates": [
            {"code": code, "url": request.build_absolute_uri(article.url_in(code))}
            for code in article.languages
            if article.is_published_in(code)
        ],
    }
    # Made once for the figure and the link previews; None (the page shown without it)
    # when the upload cannot be read.
    context["article_picture"] = renditions.page_picture(article.image)
    share_image = seo.share_image_url(context["article_picture"], request)
    context["share_image"] = share_image
    context["structured_data"] = seo.article_structured_data(
        article, request, share_image, appearance
    )
    if article.is_published_in(language):
        caching.add_tags(
            request,
            article_cache_tag(article.pk),
            *(f"author:{author.pk}" for author in article.authors.all()),
            *(f"topic:{topic.pk}" for topic in article.topics.all()),
            f"kind:{article.kind_id}",
            *(appearance.cache_tags if appearance else ()),
        )
        context["citation"] = citations.Citation(article, request, appearance)
        return render(request, "articles/article_detail.html", context)
    if permissions.can_view(request.user, article):
        context["preview"] = True
        response = render(request, "articles/article_detail.html", context)
        # A preview is for the member of staff who asked for it: never cached or indexed.
        add_never_cache_headers(response)
        return response
    versions = [
        {
            "code": code,
            "name": get_language_info(code)["name_translated"],
            "bidi": code in settings.LANGUAGES_BIDI,
            "title": getattr(article, f"title_{code}"),
            "url": article.url_in(code),
        }
        for code, _name in settings.LANGUAGES
        if article.is_published_in(code)
    ]
    if not versions:
        raise Http404
    # Say so, and point to the languages the article is published in.
    return render(request, "articles/article_unavailable.html", {"versions": versions}, status=404)


def citation(request, slug, style):
    """The article's reference as a BibTeX or RIS file, for reference managers."""
    language = get_language()
    article = get_object_or_404(with_authors(Article.objects.published_in(language)), slug=slug)
    # Kept under the listings' tag, which every change of an issue or its contents moves.
    cite = citations.Citation(article, request, appearances.appearance_of(article, language))
    if style == "bibtex":
        body, content_type, extension = cite.bibtex(), "application/x-bibtex", "bib"
    else:
        body, content_type, extension = cite.ris(), "application/x-research-info-systems", "ris"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{article.pk}-{language}.{extension}"'
    return response
