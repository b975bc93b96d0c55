"""
The rules that read one line of text: whether it is a heading, a kicker, a date or opens a
numbered indication, where an indication's lead phrase ends, and which script the text is
in. Where a line stands among the others is read in `structure`.
"""

import datetime
import re

# How long a line may be and still be read as a heading, a title or a kicker, in words.
HEADING_MAX_WORDS = 12
TITLE_MAX_WORDS = 30
KICKER_MAX_WORDS = 10
# A lead phrase is found within the first words of an indication, or not at all.
LEAD_MAX_WORDS = 12


# Text -------------------------------------------------------------------------------------

# Invisible characters that page dumps and Word carry: bidi marks, zero-width spaces, the
# byte-order mark, soft hyphens. They are not words and they upset every rule below.
INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
)


def clean(text):
    """One line of text: invisible marks gone, every run of spaces (NBSP too) one space."""
    return " ".join(text.translate(INVISIBLE).split())


# Word's italics, bold and links as `word.inline` marks them in the text.
MARKUP_RE = re.compile(r"\[([^\]]*)\]\((?:https?:|mailto:)[^)\s]*\)|\*{1,3}")


def strip_markup(text):
    """The words of text in the light inline form, without its marks."""
    return MARKUP_RE.sub(lambda m: m.group(1) or "", text)


# Numbering, headings and kickers ----------------------------------------------------------

DIGIT = "0-9٠-٩۰-۹"
# "1- ", "1. ", "1) ", "(1) ", "١- ", "1-" (Arabic text often has no space after the dash).
# A digit right after the mark is a number ("1.5 million"), not an indication.
INDICATION_RE = re.compile(
    rf"^(?:\(\s*(?P<paren>[{DIGIT}]{{1,2}})\s*\)|(?P<number>[{DIGIT}]{{1,2}})\s*[-–—.)])"
    rf"(?![{DIGIT}])(?P<space>\s*)"
)
BULLET_RE = re.compile(r"^[•·▪◦●○■□➢►\-–*]\s+")
AR_ORDINALS = "أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|أخير|اخير"
EN_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
# "أولاً- …", "ثانياً: …", "First: …", "Secondly – …": ordinals that open a section.
ORDINAL_RE = re.compile(
    rf"^(?:(?:{AR_ORDINALS})(?:اً|ًا|ا)|(?:{EN_ORDINALS})(?:ly)?)\s*[-–—:.)]\s*(?=\S)",
    re.IGNORECASE,
)
NEWS_HEADERS = {"أخبار المركز", "اخبار المركز", "center news", "centre news"}


def opens_item(line):
    return bool(INDICATION_RE.match(line) or BULLET_RE.match(line) or ORDINAL_RE.match(line))


def is_news_header(text):
    return clean(text).rstrip(":").strip().casefold() in NEWS_HEADERS


def ends_sentence(text):
    """Whether text ends with punctuation a heading or title would not end with."""
    end = text.rstrip("\"'”’»)]").rstrip()
    return not end or end[-1] in ".:;,،؛…!"


def looks_like_heading(text, max_words=HEADING_MAX_WORDS):
    words = text.split()
    return (
        0 < len(words) <= max_words
        and len(text) <= 25 * max_words
        and not ends_sentence(text)
        and not opens_item(text)
        and any(ch.isalpha() for ch in text)
    )


def looks_like_kicker(text):
    """A kicker is a few words; it may end with a colon or sit in quotes."""
    words = text.split()
    return (
        0 < len(words) <= KICKER_MAX_WORDS
        and len(text) <= 200
        and (not ends_sentence(text) or text.rstrip().endswith(":"))
        and not opens_item(text)
        and any(ch.isalpha() for ch in text)
    )


QUOTED_RE = re.compile(r'^["“«„](?P<inner>[^"“”«»]+)["”»“]$')


def kicker_text(text):
    """The kicker without the colon or quotes that set it apart on the page."""
    text = text.strip().rstrip(":").rstrip()
    match = QUOTED_RE.match(text)
    return match["inner"].strip() if match else text


# A kicker written on the title's line: «أهداف متداخلة» لماذا… or "Goals": Why…
INLINE_QUOTED_KICKER_RE = re.compile(
    r'^["“«](?P<kicker>[^"“”«»]{1,80})["”»]\s*(?P<sep>[:\-–—]?)\s*(?P<title>\S.*)$'
)
INLINE_COLON_KICKER_RE = re.compile(r"^(?P<kicker>[^:]{1,60}?)\s*:\s+(?P<title>\S.*)$")


def split_inline_kicker(title):
    """(kicker, title) when the title line starts with its kicker; else ("", title)."""
    match = INLINE_QUOTED_KICKER_RE.match(title)
    if match:
        rest = match["title"]
        # «…» followed by the title, not a title that opens with a quotation.
        opens_title = match["sep"] or not rest[0].isalpha() or not rest[0].islower()
        if opens_title and len(rest.split()) >= 2:
            return match["kicker"].strip(), rest
    match = INLINE_COLON_KICKER_RE.match(title)
    if match and len(match["kicker"].split()) <= 5 and len(match["title"].split()) >= 2:
        return match["kicker"].strip(), match["title"]
    return "", title


def is_title_like(text):
    return looks_like_heading(text, TITLE_MAX_WORDS)


# Dates ------------------------------------------------------------------------------------

MONTHS = {
    **{
        name: number
        for number, names in enumerate(
            [
                ("january", "jan"),
                ("february", "feb"),
                ("march", "mar"),
                ("april", "apr"),
                ("may",),
                ("june", "jun"),
                ("july", "jul"),
                ("august", "aug"),
                ("september", "sep", "sept"),
                ("october", "oct"),
                ("november", "nov"),
                ("december", "dec"),
            ],
            start=1,
        )
        for name in names
    },
    # Egyptian/Gulf names and the Levantine ones, with their usual spellings.
    **{
        name: number
        for number, names in enumerate(
            [
                ("يناير", "كانون الثاني"),
                ("فبراير", "شباط"),
                ("مارس", "آذار", "اذار"),
                ("أبريل", "إبريل", "ابريل", "نيسان"),
                ("مايو", "أيار", "ايار"),
                ("يونيو", "يونيه", "حزيران"),
                ("يوليو", "يوليه", "تموز"),
                ("أغسطس", "اغسطس", "آب", "اب"),
                ("سبتمبر", "أيلول", "ايلول"),
                ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"),
                ("نوفمبر", "تشرين الثاني"),
                ("ديسمبر", "كانون الأول", "كانون الاول"),
            ],
            start=1,
        )
        for name in names
    },
}
_MONTH = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_WEEKDAY = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت"
)
_D = f"[{DIGIT}]"
_COMMA = r"\s*[,،]?\s*"
DATE_RES = [
    re.compile(rf"^(?:(?:{_WEEKDAY}){_COMMA})?{pattern}\.?$", re.IGNORECASE)
    for pattern in [
        # 04 أبريل، 2018 · 4 April 2018 · 4th April, 2018
        rf"(?P<day>{_D}{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\.?{_COMMA}(?P<year>{_D}{{4}})",
        # April 4, 2018
        rf"(?P<month>{_MONTH})\.?\s+(?P<day>{_D}{{1,2}})(?:st|nd|rd|th)?{_COMMA}(?P<year>{_D}{{4}})",
        # 16/11/2015: day first, as the site writes short dates.
        rf"(?P<day>{_D}{{1,2}})\s*[/.\-]\s*(?P<month>{_D}{{1,2}})\s*[/.\-]\s*(?P<year>{_D}{{4}})",
        # 2015-11-16
        rf"(?P<year>{_D}{{4}})-(?P<month>{_D}{{1,2}})-(?P<day>{_D}{{1,2}})",
    ]
]


def parse_date(text):
    """The date a line consists of, or None: "04 أبريل، 2018", "April 4, 2018", "16/11/2015"."""
    text = clean(text)
    if len(text) > 40:
        return None
    for pattern in DATE_RES:
        match = pattern.match(text)
        if not match:
            continue
        month = match["month"]
        month = int(month) if month.isdigit() else MONTHS[month.lower()]
        try:
            return datetime.date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            return None
    return None


# Lead phrases -----------------------------------------------------------------------------

ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "prof", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "u.s",
    "u.k", "u.n", "jr", "sr", "h.e", "gen", "col", "lt", "capt", "maj", "rev", "hon",
    "fig", "vol", "pp", "approx", "d", "أ",
}  # fmt: skip
SMALL_WORDS = {
    "a", "an", "the", "of", "in", "on", "out", "for", "to", "and", "or", "with", "by", "at",
    "from", "into", "up", "over", "as", "vs", "via", "about", "against", "between",
}  # fmt: skip
# Words that start the rest of an indication when its Arabic lead phrase has no punctuation:
# "توجيه رسائل ضمنية | بأن التنظيم…", "دعم بقاء القاعدة في سوريا | خاصة في ظل…".
ARABIC_CONNECTIVES = {
    "بأن", "بأنّ", "أن", "أنّ", "إن", "إنّ", "التي", "الذي", "الذين", "خاصة", "خاصةً",
    "خصوصاً", "خصوصًا", "خصوصا", "حيث", "إذ", "لأن", "كما", "مما", "وهو", "وهي",
}  # fmt: skip


def is_arabic(text):
    return any("\u0600" <= ch <= "\u06ff" and ch.isalpha() for ch in text)


def is_capitalised(word):
    word = word.lstrip("\"'“‘«(")
    # al-Qaeda, el-Sisi, bin-Laden keep their capital after the article.
    word = re.sub(r"^(?:al|el|ad|ash|as|bin|ibn)-", "", word)
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def reads_as_phrase(words, language):
    """Whether words ending in a full stop are a lead phrase, not an indication's first sentence."""
    if language == "ar" or is_arabic(" ".join(words)):
        return len(words) <= 6
    content = [w for w in words if w.lower().strip(".:!?") not in SMALL_WORDS]
    return bool(content) and all(is_capitalised(w) for w in content) and is_capitalised(words[0])


def split_lead_phrase(text, language):
    """
    (lead phrase, rest) of an indication's first paragraph, with the marker already removed.
    The phrase keeps the punctuation its editor wrote ("Defying International Efforts.",
    "تحدي الجهود الدولية:"), because the page adds none. ("", text) when none is found.
    """
    words = text.split(" ")
    for index, word in enumerate(words[:LEAD_MAX_WORDS]):
        phrase = words[: index + 1]
        rest = " ".join(words[index + 1 :])
        if word in {"-", "–", "—"} and index > 0 and reads_as_phrase(phrase[:-1], language):
            return " ".join(phrase), rest
        last = word.rstrip("\"'”’»)")[-1:]
        if last == ":":
            return " ".join(phrase), rest
        if last in {".", "!", "?", "؟"}:
            core = word.rstrip(".").lower()
            if last == "." and (core in ABBREVIATIONS or len(core) <= 1 or core[-1].isdigit()):
                continue
            if reads_as_phrase(phrase, language):
                return " ".join(phrase), rest
            # The indication opens with a sentence: look no further for a phrase.
            break
    if language == "ar" or is_arabic(text):
        for index, word in enumerate(words[: LEAD_MAX_WORDS - 4]):
            if index >= 2 and word in ARABIC_CONNECTIVES:
                return " ".join(words[:index]), " ".join(words[index:])
    else:
        # English without punctuation: the Title Case words the indication opens with
        # ("Sending out Implicit Messages | that AQIM…"), when at least two are capitalised.
        end = 0
        capitals = 0
        for index, word in enumerate(words[:LEAD_MAX_WORDS]):
            if is_capitalised(word):
                capitals += 1
                end = index + 1
            elif word.lower() not in SMALL_WORDS:
                break
        rest = words[end:]
        if capitals >= 2 and rest and not is_capitalised(rest[0]):
            return " ".join(words[:end]), " ".join(rest)
    # A short line with no sentence in it is all lead phrase; its text follows in the
    # next paragraphs ("1- Defying International Efforts" on a line of its own).
    if looks_like_heading(text, LEAD_MAX_WORDS):
        return text, ""
    return "", text


def word_lead(block):
    """(lead phrase, rest) of a Word indication whose opening words are bold."""
    rest = block.after_lead
    match = re.match(r"^([.:;,،؛]+|[-–—])(\s+|$)", rest)
    lead = block.lead
    if match:
        # Punctuation just after the bold words belongs to the phrase: the page adds none.
        mark = match.group(1)
        lead = f"{lead} {mark}" if mark in "-–—" else f"{lead}{mark}"
        rest = rest[match.end() :]
    return lead, rest


# Language ---------------------------------------------------------------------------------


def detect_language(texts):
    """The article's language from its script: Arabic letters against Latin ones."""
    arabic = latin = 0
    for text in texts:
        for ch in text:
            if "\u0600" <= ch <= "\u06ff":
                arabic += ch.isalpha()
            elif ch.isascii() and ch.isalpha():
                latin += 1
    if not arabic and not latin:
        return None
    return "ar" if arabic >= latin else "en"
