"""
{% picture %}: an uploaded image as public pages show it, from its renditions (see
articles/renditions.py), never the upload itself.

    {% load images %}
    {% picture article.image alt=article.image_alt sizes="(min-width: 44rem) 42rem, 100vw" %}
    {% picture author.photo alt=author.photo_alt sizes="8rem" %}

`alt` is required: pass the translated alt text field, which gives the page's language.
`sizes` says how wide the page shows the image, so that the browser downloads the
smallest rendition that is sharp enough (default: the whole width of the window).
`loading` is "lazy" unless given. Renders nothing when there is no image, or when its
renditions cannot be made.
"""

import logging

from django import template

from articles import renditions

register = template.Library()
logger = logging.getLogger(__name__)


@register.inclusion_tag("includes/picture.html")
def picture(image, *, alt, sizes="100vw", loading="lazy"):
    try:
        rendered = renditions.picture(image)
    except Exception:
        # An image must never take its page down: the page is shown without it.
        logger.exception("No renditions of %r", getattr(image, "name", image))
        rendered = None
    return {"picture": rendered, "alt": alt or "", "sizes": sizes, "loading": loading}
