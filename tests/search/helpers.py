"""Helpers of the search tests: adding text as the admin saves it, searching, reading results."""

from articles.models import Indication, Section
from tests.factories import committed
from tests.helpers import html


@committed()
def add_section(article, language="ar", *, heading="", body="", point_title="", point_body=""):
    """A section with one numbered point, saved row by row as the admin saves them, committed."""
    section = Section.objects.create(
        article=article,
        position=article.sections.count(),
        **{f"heading_{language}": heading, f"body_{language}": body},
    )
    Indication.objects.create(
        section=section,
        position=0,
        **{f"title_{language}": point_title, f"body_{language}": point_body},
    )
    return section


def search(client, query, language="ar", **params):
    return client.get(f"/{language}/search/", {"q": query, **params})


def found(response):
    """The addresses the results link to, in page order."""
    return [a["href"] for a in html(response).select(".search-result__title a")]
