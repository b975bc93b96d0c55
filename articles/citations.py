"""
How to cite an article: a reference in the page's language for people, and BibTeX and
RIS records for reference managers (Zotero, EndNote, Mendeley).

An article that appears in an issue of a periodical (articles/appearances.py) is cited as
a journal article: the periodical, the issue's number and period and the pages
(BibTeX @article, RIS JOUR); any other as a report published on the center's site.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, get_language_info, gettext

from core.site import site_name
from core.text import join_names

from .templatetags.text import Notes

BIBTEX_SPECIAL = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "%": r"\%",
        "&": r"\&",
        "#": r"\#",
        "_": r"\_",
        "$": r"\$",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def one_line(text):
    return " ".join((text or "").split())


class Citation:
    def __init__(self, article, request, appearance=None):
        self.article = article
        # Where it appears in print (an articles.appearances.Appearance), or None.
        self.appearance = appearance
        self.language = get_language()
        self.url = request.build_absolute_uri(article.get_absolute_url())
        # Citations name people without their honorifics.
        self.authors = [one_line(author.name) for author in article.authors.all() if author.name]
        self.title = one_line(article.title)
        self.publisher = site_name()
        self.published = timezone.localtime(article.published_at)

    def notes(self):
        """The article's notes as plain text, "1. …", numbered as its page numbers them."""
        sections = self.article.sections.prefetch_related("indications")
        notes = Notes.of_article(self.article, sections)
        notes.count_markers(self.article.lead)
        for section in sections:
            notes.count_markers(section.body)
            for point in section.indications.all():
                notes.count_markers(point.body)
            notes.count_markers(section.closing)
        return [one_line(note) for note in notes.plain()]

    def authors_text(self):
        return join_names(self.authors)

    def text(self):
        """The reference a reader copies, in the page's language."""
        values = {
            "authors": self.authors_text(),
            "title": self.title,
            "publisher": self.publisher,
            "date": date_format(self.published, "DATE_FORMAT"),
            "url": self.url,
        }
        if self.appearance is not None:
            return self.journal_text(values)
        if not self.authors:
            return gettext("“%(title)s.” %(publisher)s, %(date)s. %(url)s") % values
        return gettext("%(authors)s. “%(title)s.” %(publisher)s, %(date)s. %(url)s") % values

    def journal_text(self, values):
        """The reference of an article in an issue: "Author. “Title.” Asian Trends, no. 3
        (April–June 2026): 12–19. https://…"."""
        appearance = self.appearance
        source = {
            "journal": one_line(appearance.journal),
            "number": appearance.number,
            "period": appearance.period,
            "pages": appearance.pages,
        }
        if appearance.pages:
            values["source"] = (
                gettext("%(journal)s, no. %(number)s (%(period)s): %(pages)s") % source
            )
        else:
            values["source"] = gettext("%(journal)s, no. %(number)s (%(period)s)") % source
        if not self.authors:
            return gettext("“%(title)s.” %(source)s. %(url)s") % values
        return gettext("%(authors)s. “%(title)s.” %(source)s. %(url)s") % values

    @property
    def year(self):
        """An article in an issue bears the issue's year, whenever it went online."""
        if self.appearance is not None:
            return self.appearance.date.year
        return self.published.year

    def key(self):
        # BibTeX keys are ASCII: an Arabic slug gives way to the article's number.
        stem = self.article.slug if self.article.slug.isascii() else f"article{self.article.pk}"
        return f"{stem[:50]}-{self.year}"

    def bibtex(self):
        if self.appearance is not None:
            return self.bibtex_article()
        fields = {
            "author": " and ".join(self.authors),
            "title": "{" + self.title.translate(BIBTEX_SPECIAL) + "}",
            "organization": self.publisher.translate(BIBTEX_SPECIAL),
            "year": str(self.published.year),
            "month": self.published.strftime("%b").lower(),
            "url": self.url,
            # BibTeX names languages in English: "arabic", "english".
            "language": get_language_info(self.language)["name"].lower(),
            "note": " ".join(self.notes()).translate(BIBTEX_SPECIAL),
        }
        return self.bibtex_record("misc", fields)

    def bibtex_article(self):
        """The @article record of an article in an issue: journal, number, pages, year."""
        appearance = self.appearance
        fields = {
            "author": " and ".join(self.authors),
            "title": "{" + self.title.translate(BIBTEX_SPECIAL) + "}",
            "journal": one_line(appearance.journal).translate(BIBTEX_SPECIAL),
            "number": str(appearance.number),
            "pages": appearance.bibtex_pages,
            "year": str(appearance.date.year),
            "month": appearance.date.strftime("%b").lower(),
            "issn": appearance.issn,
            "publisher": self.publisher.translate(BIBTEX_SPECIAL),
            "url": self.url,
            "language": get_language_info(self.language)["name"].lower(),
            "note": " ".join(self.notes()).translate(BIBTEX_SPECIAL),
        }
        return self.bibtex_record("article", fields)

    def bibtex_record(self, entry_type, fields):
        if fields["author"]:
            fields["author"] = fields["author"].translate(BIBTEX_SPECIAL)
        # A field with nothing in it is left out, not written empty.
        lines = [f"@{entry_type}{{{self.key()},"]
        lines += [f"  {name} = {{{value}}}," for name, value in fields.items() if value]
        lines.append("}")
        return "\n".join(lines) + "\n"

    def ris(self):
        appearance = self.appearance
        lines = [("TY", "JOUR" if appearance is not None else "RPRT")]
        lines += [("AU", author) for author in self.authors]
        lines.append(("TI", self.title))
        if appearance is not None:
            # JO is the journal's name for EndNote, T2 for Zotero: both, as each reads one.
            journal = one_line(appearance.journal)
            lines += [("JO", journal), ("T2", journal), ("IS", str(appearance.number))]
            if appearance.first_page is not None:
                lines.append(("SP", str(appearance.first_page)))
            if appearance.last_page is not None:
                lines.append(("EP", str(appearance.last_page)))
            if appearance.issn:
                lines.append(("SN", appearance.issn))
        lines += [
            ("PY", str(self.year)),
            ("DA", self.published.strftime("%Y/%m/%d/")),
            ("PB", self.publisher),
            ("UR", self.url),
            ("LA", self.language),
        ]
        if self.article.summary:
            lines.append(("AB", one_line(self.article.summary)))
        lines += [("N1", note) for note in self.notes()]
        lines.append(("ER", ""))
        # RIS: two-letter tag, two spaces, a hyphen, a space; CRLF line ends.
        return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)
