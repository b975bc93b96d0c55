"""
Text as search reads it: normalised, split into words, each Arabic word with its forms
without prefixes. Both the stored documents and the readers' queries go through here.
"""

import functools
import re
import unicodedata

from django.conf import settings
from django.utils.translation import get_language_info

# The languages searched, with the PostgreSQL text search configuration of each: named
# after the language in English ("arabic", "english"), as PostgreSQL names them.
CONFIGS = {code: get_language_info(code)["name"].lower() for code, _name in settings.LANGUAGES}

# Diacritics (tashkeel, Quranic marks, superscript alef) and tatweel: all dropped.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
_MARK = re.compile(f"[{_MARKS}]")
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        # Arabic-Indic and Persian digits, so that “٢٠١٨” finds “2018”.
        **{chr(0x0660 + n): str(n) for n in range(10)},
        **{chr(0x06F0 + n): str(n) for n in range(10)},
    }
)
WORD = re.compile(r"[^\W_]+")
# A word of stored text as written, diacritics and tatweel included (for snippets).
WRITTEN_WORD = re.compile(f"(?:[^\\W_]|[{_MARKS}])+")
ARABIC = re.compile("[\u0600-\u06ff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Prefixes stripped from Arabic words, with the letters a word must keep after losing
# one, so that short words (ولد, بيت) are not cut into fragments that match everything.
_CONJUNCTION = ("و", 3)
_PREFIXES = (("بال", 2), ("كال", 2), ("فال", 2), ("لل", 2), ("ال", 2), ("ب", 3), ("ل", 3))

# Light suffix stripping for the SQLite fallback, which has no stemmer: “indications”
# must still find “indication”, and “مقالة” still find “مقالات”.
_ENGLISH_SUFFIXES = ("ies", "es", "s", "ing", "ed")
_ARABIC_SUFFIXES = ("ات", "ون", "ين", "ان", "ها", "ه", "ي")


def normalise(text):
    """Fold the spellings of a word into one: hamza forms, ta marbuta, alef maqsura, marks."""
    text = unicodedata.normalize("NFKC", text or "")
    return _MARK.sub("", text).translate(_LETTERS).casefold()


# Cached: a language's everyday words recur in every article, and rebuilding the
# documents of a whole archive calls this for each of its words.
@functools.lru_cache(maxsize=200_000)
def variants(word):
    """A normalised word and its forms without prefixes: والمقالات → المقالات, مقالات."""
    if not ARABIC.search(word):
        return (word,)
    forms = [word]
    prefix, keep = _CONJUNCTION
    if word.startswith(prefix) and len(word) - len(prefix) >= keep:
        word = word[len(prefix) :]
        forms.append(word)
    for prefix, keep in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= keep:
            forms.append(word[len(prefix) :])
            break
    return tuple(forms)


def indexable(*texts):
    """The normalised words of `texts`, each followed by its prefix-stripped forms."""
    return " ".join(
        form for text in texts for word in WORD.findall(normalise(text)) for form in variants(word)
    )


def clean(text):
    """`text` without control characters, which highlighting reserves (queries.highlight)."""
    return _CONTROL.sub("", text or "")


def light_stem(form):
    """A word without its commonest suffix: what the SQLite fallback looks for."""
    suffixes = _ARABIC_SUFFIXES if ARABIC.search(form) else _ENGLISH_SUFFIXES
    for suffix in suffixes:
        if form.endswith(suffix) and len(form) - len(suffix) >= 3:
            return form if form.endswith("ss") else form[: -len(suffix)]
    return form
