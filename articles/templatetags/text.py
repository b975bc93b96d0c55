"""
Body text as readers see it. Editors write paragraphs separated by blank lines, with a
few marks for what Word gave them: *emphasis*, **strong**, `code` and [links](https://…)
(the importer writes the same marks). The text is escaped first, so whatever an editor
types shows as typed; Markdown then reads only those inline marks, and nh3 keeps only
inline emphasis, code and http(s)/mailto links.

A few kinds of paragraph (block) are read as more than a paragraph:

- every line starts with "- ", "* " or "• ": a bulleted list;
- every line starts with a number and ". " or ") " (ASCII or Arabic-Indic digits): a
  numbered list, starting at its first number;
- every line starts with "> ": a quotation, whose last line is its source when it starts
  with an em dash or "--";
- "[^label]: text": a note. It is taken out of where it stands and listed at the end;
  "[^label]" in the text is its marker, numbered in the order markers are first met;
- "![label]" alone: a figure, the article's image (`Figure`) with that label, shown there
  with its caption and credit and numbered "Figure 1", "Figure 2"… in the order the
  figures are shown. A figure placed twice is shown at its first place only (one image,
  one number, one anchor on the page); a label no figure has shows nothing (the admin
  warns of it when the article is saved). Labels are matched with Arabic-Indic digits
  read as ASCII ones, so that "![١]" places the figure labelled "1".

The HTML of these blocks is built here, around the inline HTML of each item: no markup
the editor types ever reaches a reader.
"""

import re
import threading
from dataclasses import dataclass

import markdown
import nh3
from django import template
from django.template.loader import render_to_string
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor
from markdown.util import AtomicString

register = template.Library()

ALLOWED_TAGS = {"em", "strong", "a", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
# Markdown's readers of blocks and of the inline forms we do not offer.
BLOCK_READERS = [
    "empty",
    "indent",
    "code",
    "hashheader",
    "setextheader",
    "hr",
    "olist",
    "ulist",
    "quote",
    "reference",
]
INLINE_READERS = [
    "html",
    "autolink",
    "automail",
    "image_link",
    "image_reference",
    "short_image_ref",
    "linebreak",
]

_local = threading.local()


class EscapedBacktickProcessor(BacktickInlineProcessor):
    """
    `code` in text that is escaped already. Markdown escapes a code span's text again,
    so "AT&T", escaped to "AT&amp;T" before Markdown, reached readers as "AT&amp;T"
    shown literally. The span's text is taken back to what it was before Markdown's
    second escaping: Markdown escapes every "&" (and the text holds no "<" or ">",
    escaped as it is), so turning each "&amp;" back into "&" undoes exactly that.
    """

    def handleMatch(self, m, data):
        element, start, end = super().handleMatch(m, data)
        if element is not None and not isinstance(element, str):
            element.text = AtomicString(element.text.replace("&amp;", "&"))
        return element, start, end


def _reader():
    # Markdown objects keep state while converting: one per thread.
    if not hasattr(_local, "markdown"):
        reader = markdown.Markdown(output_format="html")
        for name in BLOCK_READERS:
            if name in reader.parser.blockprocessors:
                reader.parser.blockprocessors.deregister(name)
        for name in INLINE_READERS:
            if name in reader.inlinePatterns:
                reader.inlinePatterns.deregister(name)
        # Same name and priority: it replaces Markdown's own code span reader.
        reader.inlinePatterns.register(EscapedBacktickProcessor(BACKTICK_RE), "backtick", 190)
        _local.markdown = reader
    return _local.markdown


@register.filter
def inline_markup(paragraph):
    """One paragraph of body text, with its emphasis and links, safe to show."""
    reader = _reader()
    html = reader.reset().convert(escape(str(paragraph)))
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
    return mark_safe(cleaned.strip())


# Blank lines (spaces and tabs allowed on them) separate blocks.
BLOCK_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
BULLET = re.compile(r"[-*•][ \t]+(.*)")
# Up to three digits, so that a paragraph opening on a year ("2018. The year…") stays one.
NUMBERED = re.compile(r"([0-9]{1,3}|[٠-٩]{1,3}|[۰-۹]{1,3})[.)][ \t]+(.*)")
QUOTED = re.compile(r">(?:[ \t]+(.*))?")
SOURCE = re.compile(r"(?:—|--)[ \t]*(.+)")
MARKER = re.compile(r"\[\^([^\W_]+)\]")
DEFINITION = re.compile(r"\[\^([^\W_]+)\]:[ \t]*(.*)", re.DOTALL)
# A figure's label: letters and digits of any script, joined by single hyphens ("map-2").
FIGURE_LABEL = r"[^\W_]+(?:-[^\W_]+)*"
FIGURE = re.compile(rf"!\[({FIGURE_LABEL})\]")
ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
# Stands for a note's marker while the text goes through Markdown and the sanitiser:
# characters of Unicode's private use area, taken out of what the editor typed first.
PLACEHOLDER = re.compile("\ue000([0-9]+)\ue001")
PRIVATE = re.compile("[\ue000\ue001]")


def one_line(text):
    return " ".join(text.split())


def blocks(text):
    """
    The blocks of `text` as (kind, content): ("p", text), ("ul", [items]),
    ("ol", (start, [items])), ("quote", ([paragraphs], source or "")),
    ("note", (label, text)) and ("figure", (label, the mark as written)).
    """
    for block in BLOCK_BREAK.split((text or "").replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        joined = "\n".join(lines)
        if definition := DEFINITION.fullmatch(joined):
            yield "note", (definition[1], one_line(definition[2]))
        elif figure := FIGURE.fullmatch(joined):
            yield "figure", (figure[1], joined)
        elif all(BULLET.fullmatch(line) for line in lines):
            yield "ul", [one_line(BULLET.fullmatch(line)[1]) for line in lines]
        elif all(NUMBERED.fullmatch(line) for line in lines):
            numbers = [NUMBERED.fullmatch(line) for line in lines]
            yield "ol", (int(numbers[0][1]), [one_line(number[2]) for number in numbers])
        elif all(QUOTED.fullmatch(line) for line in lines):
            quoted = [QUOTED.fullmatch(line)[1] or "" for line in lines]
            source = ""
            if len(quoted) > 1 and (match := SOURCE.fullmatch(quoted[-1])):
                source = one_line(match[1])
                quoted = quoted[:-1]
            # A line holding only ">" separates the quotation's paragraphs.
            paragraphs = [one_line(part) for part in "\n".join(quoted).split("\n\n")]
            yield "quote", ([part for part in paragraphs if part], source)
        else:
            yield "p", one_line(joined)


def plain_text(text):
    """
    `text` with its words and without the marks of lists, quotations, notes and figures:
    what search reads and citations quote. Notes stay, as paragraphs where they were
    written; a figure's mark has no words (its caption is the figure's, see
    Article.search_texts).
    """
    parts = []
    for kind, content in blocks(text):
        if kind == "figure":
            continue
        if kind == "p":
            parts.append(content)
        elif kind == "ul":
            parts.append("\n".join(content))
        elif kind == "ol":
            parts.append("\n".join(content[1]))
        elif kind == "quote":
            parts.append("\n".join([*content[0], content[1]]).strip())
        else:
            parts.append(content[1])
    return MARKER.sub("", "\n\n".join(parts))


LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
INLINE_MARKS = re.compile(r"\*\*|(?<!\w)\*|\*(?!\w)|`")


def plain_inline(text):
    """One line without its inline marks: "[words](url)" as "words (url)", no * or `."""
    return INLINE_MARKS.sub("", LINK.sub(r"\1 (\2)", text))


class Notes:
    """
    The notes of one article (or of one text standing alone): their definitions, read
    from all its texts before any is shown, and their numbers, given as their markers are
    met in reading order.
    """

    def __init__(self, texts):
        self.definitions = {}
        self.unreferenced = []
        for text in texts:
            for kind, content in blocks(text):
                if kind == "note":
                    label, note = content
                    if label in self.definitions:
                        # Never lost: a second definition of a label is listed as well.
                        self.unreferenced.append(note)
                    else:
                        self.definitions[label] = note
        self.numbers = {}
        self.references = {}

    @classmethod
    def of_article(cls, article, sections):
        """An article's notes: its lead, then each section's body, points and closing."""
        texts = [article.lead]
        for section in sections:
            texts.append(section.body)
            texts += [point.body for point in section.indications.all()]
            texts.append(section.closing)
        return cls(texts)

    def number(self, label):
        """The number of the note `label`, given when its first marker is met."""
        if label not in self.numbers:
            self.numbers[label] = len(self.numbers) + 1
        return self.numbers[label]

    def marker(self, label):
        number = self.number(label)
        self.references[label] = self.references.get(label, 0) + 1
        # Only the first marker of a note is the one its back link goes to.
        suffix = "" if self.references[label] == 1 else f"-{self.references[label]}"
        return format_html(
            '<sup class="note-ref"><a href="#note-{0}" id="note-ref-{0}{1}" '
            'role="doc-noteref">{0}</a></sup>',
            number,
            suffix,
        )

    def count_markers(self, text):
        """Number the notes whose markers `text` holds, without showing it (citations)."""
        for kind, content in blocks(text):
            if kind != "note":
                for label in MARKER.findall(plain_markers(kind, content)):
                    if label in self.definitions:
                        self.number(label)

    def listed(self):
        """(number, text, has a marker) of each note, in the order readers see them."""
        numbered = sorted(self.numbers.items(), key=lambda item: item[1])
        notes = [(number, self.definitions[label], True) for label, number in numbered]
        rest = [note for label, note in self.definitions.items() if label not in self.numbers]
        rest += self.unreferenced
        notes += [(len(notes) + index, note, False) for index, note in enumerate(rest, 1)]
        return notes

    def plain(self):
        """Each note as one line of plain text, "1. …": for citation records."""
        return [f"{number}. {plain_inline(note)}" for number, note, _marked in self.listed()]

    def html(self, only_referenced=False):
        """
        The list of notes closing the text, with links back to their markers; only those
        whose markers were shown when `only_referenced` (a feed shows only the lead).
        """
        notes = [note for note in self.listed() if note[2] or not only_referenced]
        if not notes:
            return ""
        back = gettext("Back to the text")
        items = format_html_join(
            "\n",
            '<li id="note-{}">{}{}</li>',
            (
                (
                    number,
                    inline_markup(note),
                    format_html(
                        ' <a href="#note-ref-{}" role="doc-backlink" aria-label="{}">↩</a>',
                        number,
                        back,
                    )
                    if marked
                    else "",
                )
                for number, note, marked in notes
            ),
        )
        return format_html(
            '<section class="notes" aria-labelledby="notes-heading">\n'
            '<h2 id="notes-heading">{}</h2>\n<ol>\n{}\n</ol>\n</section>',
            gettext("Notes"),
            items,
        )


def figure_key(label):
    """A figure's label as marks are matched with it: Arabic-Indic digits as ASCII ones."""
    return label.translate(ASCII_DIGITS)


def figure_labels(text):
    """The labels the figure marks of `text` name, in order."""
    return [content[0] for kind, content in blocks(text) if kind == "figure"]


def next_figure_label(labels):
    """A new figure's label when none is given: the number after the highest among
    `labels`, so that a mark left in the text by a deleted figure never finds another."""
    numbers = [int(key) for key in map(figure_key, labels) if key.isdecimal()]
    return str(max(numbers, default=0) + 1)


class Figures:
    """
    The figures of one article (its `Figure` rows) and their numbers, given as their
    marks are met in reading order. `absolute` (request.build_absolute_uri) makes the
    images' addresses absolute, for a feed read away from the site.
    """

    def __init__(self, figures=(), *, absolute=None):
        self.by_label = {}
        for figure in figures:
            self.by_label.setdefault(figure_key(figure.label), figure)
        self.absolute = absolute
        self.shown = []

    def html(self, label):
        """
        The figure `label` names, numbered, where its first mark is; "" for a label no
        figure has, for a second mark of a figure already shown, and for an image whose
        renditions cannot be made (renditions.page_picture logs it).
        """
        from ..renditions import page_picture

        figure = self.by_label.get(figure_key(label))
        if figure is None or figure in self.shown:
            return ""
        picture = page_picture(figure.image)
        if picture is None:
            return ""
        if self.absolute is not None:
            picture = picture.absolute(self.absolute)
        self.shown.append(figure)
        context = {"figure": figure, "picture": picture, "number": len(self.shown)}
        return mark_safe(render_to_string("articles/includes/figure.html", context))


class Body:
    """
    What is numbered across all the texts of one article (or of one text standing alone)
    in reading order, and so must be known before any of them is shown: its notes and its
    figures. Render its texts in reading order (`render`), then its notes (`notes.html()`).
    """

    def __init__(self, notes, figures=None):
        self.notes = notes
        self.figures = figures or Figures()

    @classmethod
    def of_article(cls, article, sections, figures=(), *, absolute=None):
        """An article's body: its lead, then each section's body, points and closing."""
        return cls(Notes.of_article(article, sections), Figures(figures, absolute=absolute))

    def render(self, text):
        """The blocks of `text`, its notes' markers and its figures numbered among the
        article's."""
        return render_blocks(text, self)


def plain_markers(kind, content):
    if kind == "figure":
        return ""
    if kind == "p":
        return content
    if kind == "ul":
        return " ".join(content)
    if kind == "ol":
        return " ".join(content[1])
    return " ".join([*content[0], content[1]])


def with_markers(text, notes):
    """Inline HTML of `text`, its markers of defined notes shown as numbered links."""
    text = PRIVATE.sub("", text)
    if notes is None:
        return inline_markup(text)
    markers = []

    def hold(match):
        if match[1] not in notes.definitions:
            return match[0]  # a marker without a note shows as typed
        markers.append(notes.marker(match[1]))
        return f"\ue000{len(markers) - 1}\ue001"

    html = inline_markup(MARKER.sub(hold, text))
    return mark_safe(PLACEHOLDER.sub(lambda match: markers[int(match[1])], html))


@dataclass
class Block:
    kind: str
    html: SafeString
    # A paragraph's inline HTML, without its <p>: a numbered point opens its first one.
    inline: SafeString = ""

    @property
    def is_paragraph(self):
        return self.kind == "p"


def render_blocks(text, body=None):
    """The blocks of `text` as HTML, its notes' markers and figures numbered by `body`
    (a `Body`); without one, figure marks show nothing."""
    notes = body.notes if body is not None else None
    rendered = []
    for kind, content in blocks(text):
        if kind == "p":
            inline = with_markers(content, notes)
            rendered.append(Block(kind, format_html("<p>{}</p>", inline), inline))
        elif kind in ("ul", "ol"):
            start, items = (1, content) if kind == "ul" else content
            opening = format_html('<ol start="{}">', start) if start != 1 else f"<{kind}>"
            items = format_html_join(
                "", "<li>{}</li>", ((with_markers(item, notes),) for item in items)
            )
            rendered.append(Block(kind, format_html("{}{}</{}>", mark_safe(opening), items, kind)))
        elif kind == "quote":
            paragraphs, source = content
            quoted = format_html_join(
                "", "<p>{}</p>", ((with_markers(part, notes),) for part in paragraphs)
            )
            caption = (
                format_html("<figcaption>— {}</figcaption>", with_markers(source, notes))
                if source
                else ""
            )
            rendered.append(
                Block(
                    kind,
                    format_html(
                        '<figure class="quote"><blockquote>{}</blockquote>{}</figure>',
                        quoted,
                        caption,
                    ),
                )
            )
        elif kind == "figure" and body is not None and (figure := body.figures.html(content[0])):
            rendered.append(Block(kind, figure))
        # Notes ("note") are listed at the end, by Notes.html(); a figure that shows
        # nothing leaves no block.
    return rendered


@register.simple_tag
def article_parts(article, sections, figures):
    """What an article's body numbers, its notes and figures:
    `{% article_parts article sections figures as body %}`."""
    return Body.of_article(article, sections, figures)


@register.simple_tag
def body_blocks(text, body=None):
    """A body field's blocks, for a template to lay out: `{% body_blocks text body as b %}`."""
    return render_blocks(text, body)


@register.simple_tag
def notes_list(body):
    return body.notes.html()


@register.filter
def body_text(text):
    """A body field standing alone (a bio, a news item): its blocks, then its notes."""
    body = Body(Notes([text]))
    html = format_html_join("\n", "{}", ((block.html,) for block in body.render(text)))
    return format_html("{}\n{}", html, body.notes.html()) if body.notes.listed() else html
