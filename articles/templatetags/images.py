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
renditions cannot be made (a warning in the log says which upload to replace).

Where the markup around the image (a figure and its caption) must go too when the image
cannot be shown, make its renditions first and give those to the tag:

    {% with shown=author.photo|renditions %}{% if shown %}
      <div class="author-profile__photo">{% picture shown alt=author.photo_alt %}</div>
    {% endif %}{% endwith %}
"""

from django import template

from articles.renditions import Picture, page_picture

register = template.Library()


@register.filter
def renditions(image):
    """The image's renditions (a Picture), or None when there are none to show."""
    return image if isinstance(image, Picture) else page_picture(image)


@register.inclusion_tag("includes/picture.html")
def picture(image, *, alt, sizes="100vw", loading="lazy"):
    return {"picture": renditions(image), "alt": alt or "", "sizes": sizes, "loading": loading}
