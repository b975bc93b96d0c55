"""
Where an article appears in print: the issue of a periodical whose contents list it.

Articles stand below the apps that publish periodicals (publications), so they cannot
ask those apps themselves. An app that puts articles in issues registers a *provider*
in its AppConfig.ready():

    from articles import appearances

    appearances.register(appearance_in_issue)

and the article's page, citation and schema.org data ask `appearance_of(article,
language)`: the first provider's answer that is not None, else None. A provider reads at
most one query per call, and answers only with what readers of `language` may see (an
issue published in it).
"""

import datetime
from dataclasses import dataclass, field

_providers = []


@dataclass(frozen=True)
class Appearance:
    """An article's place in an issue, as the article's page and its citation give it."""

    journal: str  # the series' name in the language: "Asian Trends"
    issn: str  # "" when the series has none
    number: int  # 3
    number_label: str  # "Issue 3" / "العدد الثالث"
    period: str  # "April–June 2026"
    date: datetime.date  # the date (the first day of its period)
    url: str  # the page in the language
    label: str  # "In: “Asian Trends”, issue 3 (April–June 2026), pp. 12–19"
    first_page: int | None = None
    last_page: int | None = None
    journal_url: str = ""  # the series' page in the language
    cache_tags: tuple = field(default_factory=tuple)  # what the line is made from

    @property
    def pages(self):
        """ "12–19", "12", or "" (en dash, as printed)."""
        return self._pages("–")

    @property
    def bibtex_pages(self):
        """ "12--19": BibTeX's page range."""
        return self._pages("--")

    def _pages(self, dash):
        if self.first_page is None:
            return ""
        if self.last_page is None or self.last_page == self.first_page:
            return str(self.first_page)
        return f"{self.first_page}{dash}{self.last_page}"


def register(provider):
    """Add `provider(article, language)`, which returns an Appearance or None."""
    if provider not in _providers:
        _providers.append(provider)


def appearance_of(article, language):
    """Where `article` appears in an issue readers of `language` can open, or None."""
    for provider in _providers:
        if (found := provider(article, language)) is not None:
            return found
    return None
