from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language, get_language_info
from django.views.generic import ListView

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
        return with_authors(Article.objects.published().available_in(get_language()))


def article_detail(request, slug):
    queryset = with_authors(Article.objects.published()).prefetch_related(
        "topics",
        Prefetch(
            "sections",
            queryset=Section.objects.prefetch_related(
                Prefetch("indications", queryset=Indication.objects.order_by("position", "pk"))
            ),
        ),
    )
    article = get_object_or_404(queryset, slug=slug)
    if not article.is_available_in(get_language()):
        # Say so, and point to the language the article is written in.
        versions = [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "bidi": code in settings.LANGUAGES_BIDI,
                "title": getattr(article, f"title_{code}"),
                "url": article.url_in(code),
            }
            for code in article.languages
        ]
        return render(
            request, "articles/article_unavailable.html", {"versions": versions}, status=404
        )
    return render(request, "articles/article_detail.html", {"article": article})
