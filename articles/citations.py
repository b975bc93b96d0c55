"""
How to cite an article: a reference in the page's language for people, and BibTeX and
RIS records for reference managers (Zotero, EndNote, Mendeley).
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
    def __init__(self, article, request):
        self.article = article
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
        if not self.authors:
            return gettext("“%(title)s.” %(publisher)s, %(date)s. %(url)s") % values
        return gettext("%(authors)s. “%(title)s.” %(publisher)s, %(date)s. %(url)s") % values

    def key(self):
        # BibTeX keys are ASCII: an Arabic slug gives way to the article's number.
        stem = self.article.slug if self.article.slug.isascii() else f"article{self.article.pk}"
        return f"{stem[:50]}-{self.published.year}"

    def bibtex(self):
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
        if not fields["note"]:
            del fields["note"]
        if fields["author"]:
            fields["author"] = fields["author"].translate(BIBTEX_SPECIAL)
        else:
            del fields["author"]
        lines = [f"@misc{{{self.key()},"]
        lines += [f"  {name} = {{{value}}}," for name, value in fields.items()]
        lines.append("}")
        return "\n".join(lines) + "\n"

    def ris(self):
        lines = [("TY", "RPRT")]
        lines += [("AU", author) for author in self.authors]
        lines += [
            ("TI", self.title),
            ("PY", str(self.published.year)),
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
