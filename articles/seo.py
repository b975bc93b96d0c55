"""What search engines and social networks read about an article: schema.org data."""

from django.urls import reverse
from django.utils.translation import get_language

from core.site import site_name


def article_structured_data(article, request, image_url=None, appearance=None):
    """A schema.org Article (https://schema.org/Article) with its authors and dates, and
    the issue it appears in (`appearance`, articles/appearances.py) when it does."""
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
    if appearance is not None:
        data.update(appearance_structured_data(appearance, request))
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def appearance_structured_data(appearance, request):
    """An article's place in print: isPartOf a PublicationIssue, itself isPartOf a
    Periodical (https://schema.org/PublicationIssue), and its pages."""
    periodical = {"@type": "Periodical", "name": appearance.journal}
    if appearance.issn:
        periodical["issn"] = appearance.issn
    if appearance.journal_url:
        periodical["url"] = request.build_absolute_uri(appearance.journal_url)
    issue = {
        "@type": "PublicationIssue",
        "issueNumber": str(appearance.number),
        "datePublished": appearance.date.isoformat(),
        "url": request.build_absolute_uri(appearance.url),
        "isPartOf": periodical,
    }
    data = {"isPartOf": issue}
    if appearance.first_page is not None:
        data["pageStart"] = appearance.first_page
        data["pagination"] = appearance.pages.replace("–", "-")
    if appearance.last_page is not None:
        data["pageEnd"] = appearance.last_page
    return data


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
