from django import template
from django.conf import settings
from django.utils.translation import get_language

from news.models import NewsItem

register = template.Library()


@register.inclusion_tag("news/includes/center_news.html")
def center_news():
    """The newest center news in the page's language, as the reference page lists them."""
    items = (
        NewsItem.objects.published()
        .available_in(get_language())
        .for_pages()[: settings.CENTER_NEWS_COUNT]
    )
    return {"items": items}
