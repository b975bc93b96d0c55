from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, get_language_info
from django.views.generic import ListView

from . import permissions
from .models import Article, Author, Indication, Section


def with_authors(queryset):
    """Fetch each article's authors in byline order, in one query for the whole page."""
    return queryset.prefetch_related(
        Prefetch(
            "authors", queryset=Author.objects.order_by("authorship__position", "authorship__pk")
        )
    )


class ArticleListView(ListView):
    """Published articles written in the page's language, newest first."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"

    def get_paginate_by(self, queryset):
        return settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        return with_authors(Article.objects.published_in(get_language()))


def article_detail(request, slug):
    """
    The article in the page's language. Staff who may work on it see it whatever its
    status, under a preview banner; readers get a 404 unless it is published in this
    language, and a pointer to the languages it is published in when there are some.
    """
    language = get_language()
    queryset = with_authors(Article.objects.all()).prefetch_related(
        "topics",
        Prefetch(
            "sections",
            queryset=Section.objects.prefetch_related(
                Prefetch("indications", queryset=Indication.objects.order_by("position", "pk"))
            ),
        ),
    )
    article = queryset.filter(slug=slug).first()
    if article is None:
        raise Http404
    if article.is_published_in(language):
        return render(request, "articles/article_detail.html", {"article": article})
    if permissions.can_view(request.user, article):
        response = render(
            request, "articles/article_detail.html", {"article": article, "preview": True}
        )
        # A preview is for the member of staff who asked for it: never cached or indexed.
        add_never_cache_headers(response)
        return response
    versions = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
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
