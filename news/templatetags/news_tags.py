from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core import caching
from news.models import NewsItem

register = template.Library()


@register.simple_tag
def center_news():
    """
    The newest center news in the page's language, as the reference page lists them.
    Every article page and the home page show it: rendered once per language and kept
    until news changes (caching.remember).
    """
    language = get_language()

    def render():
        items = (
            NewsItem.objects.published()
            .available_in(language)
            .for_pages()[: settings.CENTER_NEWS_COUNT]
        )
        return render_to_string("news/includes/center_news.html", {"items": items})

    return mark_safe(caching.remember(f"center-news:{language}", [caching.NEWS], render))
