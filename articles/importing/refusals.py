"""
The limits past which the importer refuses its input, and the exception that says why.
"""

# An analysis runs to 2,000–10,000 words (10–70 KB of text); 1 MB of text is about
# 150,000 English or 90,000 Arabic words. Above it we refuse rather than make the editor
# wait for a preview nobody can check. Word files carry pictures, hence their own limit;
# the text inside them is held to the same 1 MB.
MAX_TEXT_BYTES = 1024 * 1024
MAX_WORD_FILE_BYTES = 10 * 1024 * 1024
# The uncompressed size of a Word file's parts: a small file that unzips into gigabytes
# is an attack, not an article.
MAX_WORD_UNZIPPED_BYTES = 60 * 1024 * 1024


class ImportRefused(Exception):
    """The input cannot be imported; `message` tells the editor why, in their language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
