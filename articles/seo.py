"""What search engines and social networks read about an article: schema.org data."""

from django.urls import reverse
from django.utils.translation import get_language

from core.site import site_name


def article_structured_data(article, request, image_url=None):
    """A schema.org Article (https://schema.org/Article) with its authors and dates."""
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "inLanguage": get_language(),
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.updated_at.isoformat(),
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": request.build_absolute_uri(author_url(author)),
            }
            for author in article.authors.all()
            if author.name
        ],
        "publisher": {"@type": "Organization", "name": site_name()},
        "description": article.summary or None,
        "articleSection": [topic.name for topic in article.topics.all() if topic.name] or None,
        "image": image_url,
    }
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def share_image_url(picture, request):
    """
    The widest rendition of the article's image (`picture`, its renditions as the page
    shows them), for link previews, never the upload; None without one.
    """
    if picture is None:
        return None
    return request.build_absolute_uri(picture.img.url)


def author_url(author):
    return reverse("articles:author", args=[author.slug])
