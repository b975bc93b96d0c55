from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.generic import ListView

from core.pagination import RememberedCountMixin

from .models import NEWS_CACHE_TAG, NewsItem


def readable_news():
    return NewsItem.objects.published_in(get_language()).for_pages()


class NewsListView(RememberedCountMixin, ListView):
    """Center news published in the page's language, newest first."""

    count_tags = (NEWS_CACHE_TAG,)

    template_name = "news/newsitem_list.html"
    context_object_name = "items"

    def get_paginate_by(self, queryset):
        return settings.ARTICLES_PER_PAGE * 2

    def get_queryset(self):
        return readable_news()


def news_detail(request, pk):
    item = get_object_or_404(readable_news(), pk=pk)
    return render(request, "news/newsitem_detail.html", {"item": item})
