"""Pagination for listings whose full count would read much of the archive."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from . import caching


class RememberedCountPaginator(Paginator):
    """
    A Paginator that remembers its count in the shared cache until the content it counts
    changes (see caching.remember). Counting the 70,000 articles of a listing, or the
    28,000 of a big topic, reads that many index entries: done once per change of content,
    not once per page view.
    """

    def __init__(self, *args, count_name, count_tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_name = count_name
        self.count_tags = count_tags

    @cached_property
    def count(self):
        return caching.remember(
            f"count:{self.count_name}", self.count_tags, lambda: Paginator.count.func(self)
        )


class RememberedCountMixin:
    """For a ListView: its paginator's count is remembered, per address, while `count_tags` hold."""

    count_tags = (caching.LISTINGS,)

    def get_paginator(self, queryset, per_page, **kwargs):
        return RememberedCountPaginator(
            queryset,
            per_page,
            count_name=self.request.path,
            count_tags=self.count_tags,
            **kwargs,
        )
