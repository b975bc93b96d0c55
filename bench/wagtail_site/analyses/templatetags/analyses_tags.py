from django import template
from wagtail.models import Site

from analyses.models import NewsPage

register = template.Library()


@register.inclusion_tag("analyses/includes/site_menu.html", takes_context=True)
def site_menu(context):
    """The site's top-level pages, as bakerydemo's navigation shows them."""
    request = context["request"]
    root = Site.find_for_request(request).root_page
    return {"root": root, "items": root.get_children().live().in_menu(), "request": request}


@register.inclusion_tag("analyses/includes/latest_news.html", takes_context=True)
def latest_news(context, count=5):
    """The center news list: the latest news pages, newest first."""
    items = NewsPage.objects.live().order_by("-date", "-pk")[:count]
    return {"items": items, "request": context["request"]}
