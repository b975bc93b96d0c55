"""
Importing an article from the text its editors have: pasted text, a page dump or a Word file.

Reading goes in three steps, shared by the admin's import page and `import_article`:

1. `read_text`, `read_upload`, `read_bytes`, `read_path` turn the input into `Block`s, one per
   paragraph, and refuse what is not text or Word with an `ImportRefused` that says why.
2. `read_structure` gives every block a role (kicker, title, date, paragraph, heading,
   numbered indication, left out…) as a list of `Part`s. The admin's preview shows these
   parts and lets the editor correct them.
3. `assemble` builds the article (lead, sections, indications, closing text) from the parts,
   read or corrected; `create_article` and `add_translation` save it in one transaction.

`report` lists every problem of the article as it would be saved: what is wrong, where, and
the fix the importer applied or suggests, with the save's own refusals among them, so
that the report and the save agree. Where a point ends is a guess in text (`PointEnd`);
`move_paragraph` moves a paragraph across that end, as the preview's buttons ask.

How a part is recognised, in short (each rule is documented where it is applied):
- a "أخبار المركز" / "Center News" line at the top and the lines under it are the center
  news, left out of the article and offered as news items;
- page furniture is left out with its reason: the site's name, breadcrumbs, a journal's
  masthead, picture placeholders ("image", "صورة"), share, print and reading links, tags
  and keywords, related-article lists, newsletter and copyright lines, an "Updated: …" date;
- the date is a line that is a date and nothing else ("04 أبريل، 2018", "April 4, 2018",
  "16/11/2015"), also with a day name, a label or a time, and the Gregorian date beside a
  Hijri one; the short lines before it are the kicker (a line of its own above the title)
  and the title, which keeps its colon ("Oil and the Red Sea: Holding the Line");
- a byline ("بقلم: د. …", "By Dr. …", "Jane Smith and Omar Ali.", "معالي …") gives the
  authors as (honorific, name); a Word Subtitle, a paragraph between title and byline, or
  the one after "Abstract" / "الملخص:" is the summary;
- a heading is a short line without closing punctuation that has text after it, a line
  that opens with an ordinal ("أولاً-", "ثانياً:", "First:"), or in Word a heading style;
- a numbered indication opens with its number ("1-", "1.", "(1)", "١-") or is in a Word
  numbered list; paragraphs after it belong to it, except the last paragraph before the
  next heading, which is the section's closing text; a bulleted list after the last point
  closes the section with the paragraph that introduces it, and after a last point that
  opens with "Finally" / "وأخيراً" all that follows does (in Word: from the first
  paragraph after the list that is not indented; in text the end is marked as guessed,
  and the preview offers to move it); after a notes heading ("Notes",
  "الهوامش") the entries are notes, not points;
- an indication's lead phrase is its bold opening in Word; in text, the words up to the
  first colon, or up to a full stop when they read as a phrase (Title Case in English, at
  most six words in Arabic); failing that, in English the Title Case words it opens with
  ("Sending out Implicit Messages that AQIM…"), in Arabic the words before a connective
  (بأن، أن، التي، خاصة…). The phrase keeps its own punctuation: the page adds none.

Body text stays plain text. Word's italics, bold (outside a lead phrase) and links are kept
in a light inline form that Markdown readers know: `*italic*`, `**bold**` and
`[text](https://…)`; only http(s) and mailto links are kept as links, other targets keep
their text only. Nothing here produces HTML.

The package reads in layers, each module importing only those before it: `refusals` (the
limits, `ImportRefused` and the report's `Problem`), `rules` (what one line is),
`structure` (the parts and the article they make), `word` (Word files), `saving` (writing
the result to the database, and the checks a save makes), `report` (every problem, with
its fix), `sources` (the entry points for text and files).
"""

from .refusals import MAX_TEXT_BYTES, MAX_WORD_FILE_BYTES, ImportRefused, Problem
from .report import counts, report
from .rules import clean, is_arabic, parse_byline, parse_date, split_lead_phrase
from .saving import (
    add_translation,
    check_lengths,
    create_article,
    length_problems,
    match_authors,
    translation_problems,
)
from .sources import SUFFIXES, read_bytes, read_path, read_text, read_upload
from .structure import (
    ImportedArticle,
    ImportedAuthor,
    ImportedIndication,
    ImportedSection,
    MoveRefused,
    Part,
    PointEnd,
    Reason,
    Role,
    assemble,
    move_paragraph,
    read_structure,
)

__all__ = [
    "MAX_TEXT_BYTES",
    "MAX_WORD_FILE_BYTES",
    "SUFFIXES",
    "ImportRefused",
    "ImportedArticle",
    "ImportedAuthor",
    "ImportedIndication",
    "ImportedSection",
    "MoveRefused",
    "Part",
    "PointEnd",
    "Problem",
    "Reason",
    "Role",
    "add_translation",
    "assemble",
    "check_lengths",
    "clean",
    "counts",
    "create_article",
    "is_arabic",
    "length_problems",
    "match_authors",
    "move_paragraph",
    "parse_byline",
    "parse_date",
    "read_bytes",
    "read_path",
    "read_structure",
    "read_text",
    "read_upload",
    "report",
    "split_lead_phrase",
    "translation_problems",
]
