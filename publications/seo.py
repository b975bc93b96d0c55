"""What search engines read about a series and an issue: schema.org data
(https://schema.org/Periodical, https://schema.org/PublicationIssue)."""

from django.utils.translation import get_language

from core.site import site_name

from . import labels


def without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def periodical(series, request, language):
    """The series as a Periodical: its name in the language, ISSN and page."""
    return without_empty(
        {
            "@type": "Periodical",
            "name": labels.series_name(series, language),
            "issn": series.issn,
            "url": request.build_absolute_uri(series.url_in(language)),
        }
    )


def series_structured_data(series, request, image_url=None):
    """The series page: a Periodical, with its description and publisher."""
    language = get_language()
    data = {
        "@context": "https://schema.org",
        **periodical(series, request, language),
        "description": " ".join(series.description_paragraphs()),
        "inLanguage": language,
        "publisher": {"@type": "Organization", "name": site_name()},
        "image": image_url,
    }
    return without_empty(data)


def issue_structured_data(issue, request, contents=(), image_url=None):
    """
    The issue page: a PublicationIssue (its number, date and cover) that isPartOf its
    Periodical, and hasPart the articles its contents link to (`contents`, the page's
    groups of entries), with their pages.
    """
    language = get_language()
    parts = [
        without_empty(
            {
                "@type": "Article",
                "headline": entry["title"],
                "url": request.build_absolute_uri(entry["url"]),
                "pageStart": entry["first_page"],
                "pageEnd": entry["last_page"],
            }
        )
        for group in contents
        for entry in group["entries"]
        if entry["url"]
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "PublicationIssue",
        "issueNumber": str(issue.number),
        "name": issue.theme or labels.issue_label(issue, language),
        "datePublished": issue.date.isoformat(),
        "url": request.build_absolute_uri(issue.url_in(language)),
        "inLanguage": language,
        "description": " ".join(issue.summary_paragraphs()),
        "image": image_url,
        "isPartOf": periodical(issue.series, request, language),
        "hasPart": parts,
    }
    return without_empty(data)
