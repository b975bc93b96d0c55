"""
The limits past which the importer refuses its input, the exception that says why, and
the items of the import report (`Problem`): what is wrong, where, and its fix.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

# An analysis runs to 2,000–10,000 words (10–70 KB of text); 1 MB of text is about
# 150,000 English or 90,000 Arabic words. Above it we refuse rather than make the editor
# wait for a preview nobody can check. Word files carry pictures, hence their own limit;
# the text inside them is held to the same 1 MB.
MAX_TEXT_BYTES = 1024 * 1024
MAX_WORD_FILE_BYTES = 10 * 1024 * 1024
# The uncompressed size of a Word file's parts: a small file that unzips into gigabytes
# is an attack, not an article.
MAX_WORD_UNZIPPED_BYTES = 60 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """
    One item of the import report, in the active language: what is wrong (`message`),
    where (`place`: a field, a section, a point, a line), and its fix: what the importer
    did about it (`done`), or what the editor should do (`todo`). The command and the
    admin's preview show the same items, so the editor gets the same advice from both.

    A problem that `refuses` stops the save until it is fixed: the save refuses text too
    long for its field rather than cut words off it, and the report runs the same checks.
    """

    message: str
    place: str = ""
    done: str = ""
    todo: str = ""
    refuses: bool = False
    # A line left out of the article as page furniture: the preview lists these apart,
    # with the line itself.
    left_out: bool = False

    @property
    def severity(self):
        """The item's kind: "error" (the save refuses), "warning" (a fix is suggested) or
        "info" (the importer's fix, done)."""
        if self.refuses:
            return "error"
        return "warning" if self.todo else "info"

    def __str__(self):
        sentences = " ".join(filter(None, (self.message, self.done, self.todo)))
        return f"{self.place}: {sentences}" if self.place else sentences


def point_place(section, point=None):
    """Where a problem is, as readers count: "Section 2", "Section 2, point 4"."""
    if point is None:
        return gettext("Section %(section)d") % {"section": section}
    return gettext("Section %(section)d, point %(point)d") % {"section": section, "point": point}


def excerpt(text, words=6):
    """The opening words of a paragraph, to name it in a message."""
    opening = text.split()
    return " ".join(opening[:words]) + ("…" if len(opening) > words else "")


class ImportRefused(Exception):
    """
    The input cannot be imported; `message` tells the editor why, in their language.
    When the save refuses a text it could read, `problems` are the report's items that
    made it refuse, each with its fix.
    """

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.message = message
        self.problems = list(problems)

    @classmethod
    def because(cls, problems):
        return cls(" ".join(map(str, problems)), problems)
