from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core import caching
from news.models import NEWS_CACHE_TAG, NewsItem

register = template.Library()


@register.simple_tag(takes_context=True)
def center_news(context):
    """
    The newest center news in the page's language, as the reference page lists them.
    Every article page and the home page show it: rendered once per language and kept
    until news changes (caching.remember). The page that shows it is made stale by news
    too, whatever view made it.
    """
    if (request := context.get("request")) is not None:
        caching.add_fragment_tags(request, NEWS_CACHE_TAG)
    language = get_language()

    def render():
        items = NewsItem.objects.published_in(language).for_pages()[: settings.CENTER_NEWS_COUNT]
        return render_to_string("news/includes/center_news.html", {"items": items})

    return mark_safe(caching.remember(f"center-news:{language}", [NEWS_CACHE_TAG], render))
