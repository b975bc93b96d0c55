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
# A point of one sentence up to this long is all lead phrase.
WHOLE_SENTENCE_MAX_WORDS = 30


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
    # Only a kicker of a word or two: "Oil and the Red Sea: Holding the Line" is one title.
    if match and len(match["kicker"].split()) <= 2 and len(match["title"].split()) >= 2:
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
                ("يناير", "كانون الثاني", "كانون ثاني"),
                ("فبراير", "شباط"),
                ("مارس", "آذار", "اذار"),
                ("أبريل", "إبريل", "ابريل", "نيسان"),
                ("مايو", "أيار", "ايار"),
                ("يونيو", "يونيه", "حزيران"),
                ("يوليو", "يوليه", "تموز"),
                ("أغسطس", "اغسطس", "آب", "اب"),
                ("سبتمبر", "أيلول", "ايلول"),
                ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "تشرين أول", "تشرين اول"),
                ("نوفمبر", "تشرين الثاني", "تشرين ثاني"),
                ("ديسمبر", "كانون الأول", "كانون الاول", "كانون أول", "كانون اول"),
            ],
            start=1,
        )
        for name in names
    },
}
_MONTH = "|".join(
    sorted((re.escape(name).replace("\\ ", r"\s+") for name in MONTHS), key=len, reverse=True)
)
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


# What a date line may carry around the date itself: a label before it ("Published",
# "نُشر في:", "تاريخ النشر:"), a time after it ("- 09:20 ص", "الساعة 11:40", "10:15 GMT").
DATE_LABEL_RE = re.compile(
    r"^(?:published(?:\s+on)?|posted(?:\s+on)?|first\s+published|date|"
    r"نُشر\s+في|نشر\s+في|نُشر|نشر|تاريخ\s+النشر|بتاريخ|التاريخ)\s*:?\s*",
    re.IGNORECASE,
)
TIME_RE = re.compile(
    rf"\s*[-–—|,،]?\s*(?:(?:الساعة|at)\s*)?[{DIGIT}]{{1,2}}[:.][{DIGIT}]{{2}}(?::[{DIGIT}]{{2}})?"
    r"\s*(?:ص|م|صباحاً|صباحا|مساءً|مساء|[ap]\.?m\.?)?\s*(?:\(?(?:gmt|utc|ast|[a-z]{2,4}t)"
    r"(?:\s*[+\-]\s*\d{1,2})?\)?)?$",
    re.IGNORECASE,
)
# "18 رجب 1439 هـ الموافق 04 أبريل 2018": the Gregorian date follows "الموافق".
CONCORDANT_RE = re.compile(r"^.*?\(?\s*(?:الموافق|الموافق\s+ل|corresponding\s+to)\s*:?\s*")
# The month names spelled without the article ("كانون ثاني"), and the month written between
# slashes or dashes ("14/مارس/2019").
SEPARATED_DATE_RE = re.compile(
    rf"^(?P<day>{_D}{{1,2}})\s*[/\-.]\s*(?P<month>{_MONTH})\s*[/\-.]\s*(?P<year>{_D}{{4}})$"
)


def parse_date(text):
    """
    The date a line consists of, or None: "04 أبريل، 2018", "April 4, 2018", "16/11/2015",
    also with a day name, a label ("Published", "نُشر في:") or a time after it
    ("الخميس 14/مارس/2019 - 09:20 ص"). Beside a Hijri date, the Gregorian one is read.
    """
    text = clean(text)
    if len(text) > 80:
        return None
    text = CONCORDANT_RE.sub("", text).rstrip(")").strip()
    text = DATE_LABEL_RE.sub("", text)
    text = TIME_RE.sub("", text).strip()
    if len(text) > 40:
        return None
    text = re.sub(rf"^((?:{_WEEKDAY}){_COMMA})?", "", text, flags=re.IGNORECASE)
    for pattern in [SEPARATED_DATE_RE, *DATE_RES]:
        match = pattern.match(text)
        if not match:
            continue
        month = match["month"]
        month = int(month) if month.isdigit() else MONTHS[" ".join(month.lower().split())]
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
    # A point that is one sentence, as recommendations often are ("1. Develop a unified
    # strategy to improve regulation and investment."), is all lead phrase.
    if (
        text[-1:] in {".", "!", "?", "؟"}
        and len(words) <= WHOLE_SENTENCE_MAX_WORDS
        and not re.search(r"[.!?؟]\s", text)
    ):
        return text, ""
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


# Bylines ----------------------------------------------------------------------------------

# The labels a byline opens with; those of an interview name the interviewer.
BYLINE_LABEL_RE = re.compile(
    r"^(?P<label>بقلم|إعداد|اعداد|كتبه|كتب|كتبت|تأليف|(?P<interview>حاوره|حاورته|حاورها|"
    r"أجرى\s+الحوار|أجرت\s+الحوار|اجرى\s+الحوار|اجرت\s+الحوار|interview(?:ed)?\s+by)|"
    r"by|written\s+by|authors?)\s*:?\s+(?=\S)",
    re.IGNORECASE,
)
# Longest first: "أ. د." before "د.".
HONORIFICS = [
    ("أ. د.", r"أ\.\s*د\."),
    ("أ.د.", r"أ\.د\."),
    ("د.", r"د\."),
    ("معالي", r"معالي"),
    ("سعادة", r"سعادة"),
    ("Prof.", r"Prof\.?"),
    ("Dr.", r"Dr\.?"),
    ("H.E.", r"H\.\s*E\.?"),
]
HONORIFIC_RE = re.compile(
    "^(?:"
    + "|".join(f"(?P<h{k}>{pattern})" for k, (_h, pattern) in enumerate(HONORIFICS))
    + r")\s+"
)
# "and", "&", "و" and commas join names; "et al." ends a list of them.
NAME_JOIN_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+|\s+و\s*(?=\S)", re.IGNORECASE)
ET_AL_RE = re.compile(r",?\s*(?:et\s+al\.?|وآخرون|وآخرين)\s*$", re.IGNORECASE)
ROLE_RE = re.compile(r"\s+[-–—|]\s+\S.*$")
NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "van", "von", "der", "da", "di", "la"}


def split_honorific(name):
    """("د.", "أحمد علي") from "د. أحمد علي"; ("", name) without an honorific."""
    match = HONORIFIC_RE.match(name)
    if not match:
        return "", name
    index = int(next(key for key, value in match.groupdict().items() if value)[1:])
    return HONORIFICS[index][0], name[match.end() :].strip()


def looks_like_name(name):
    words = name.split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in name) or ends_sentence(name):
        return False
    if is_arabic(name):
        return all(ch.isalpha() or ch in " -'’." for ch in name)
    return all(
        is_capitalised(word) or word.lower() in NAME_PARTICLES
        for word in words
        if word.lower() not in NAME_PARTICLES
    ) and all(word.lower() not in SMALL_WORDS for word in words)


def parse_byline(text, *, bare=False):
    """
    (label, [(honorific, name), …]) when the line is a byline, else None: "بقلم: د. أحمد علي",
    "By Dr. Jane Smith", "Jane Smith and Omar Ali.", "John Doe, et al.", "معالي …",
    "د. أحمد علي - باحث في الشؤون الإقليمية". A line with no label, no honorific and no
    role is a byline only when `bare` (where the header leaves nothing else it could be).
    """
    text = clean(text)
    if not text or len(text) > 200:
        return None
    label_match = BYLINE_LABEL_RE.match(text)
    label = label_match.group(0).strip() if label_match else ""
    rest = text[label_match.end() :] if label_match else text
    role = ROLE_RE.search(rest)
    if role:
        rest = rest[: role.start()]
    et_al = ET_AL_RE.search(rest.strip())
    rest = ET_AL_RE.sub("", rest.strip()).strip().rstrip(".").strip()
    # A full stop that ends an honorific is not the line's: "… و د."
    names = [name.strip() for name in NAME_JOIN_RE.split(rest) if name.strip()]
    if not names:
        return None
    authors = []
    for name in names:
        honorific, name = split_honorific(name)
        if not looks_like_name(name):
            return None
        authors.append((honorific, name))
    strong = (
        label or role or et_al or len(authors) > 1 or any(honorific for honorific, _name in authors)
    )
    if not (strong or bare):
        return None
    return label, authors


def is_interview_byline(text):
    match = BYLINE_LABEL_RE.match(clean(text))
    return bool(match and match["interview"])


# Labels and page furniture ----------------------------------------------------------------

# A label whose paragraph (after it, or on its line) is the summary.
SUMMARY_LABEL_RE = re.compile(
    r"^(?:abstract|summary|executive\s+summary|الملخص|ملخص|ملخص\s+الدراسة|الملخص\s+التنفيذي)"
    r"\s*[:：.]?\s*",
    re.IGNORECASE,
)
# The heading that opens the notes at the end of a text: its lines are notes, not points.
NOTES_HEADINGS = {
    "notes", "endnotes", "footnotes", "references", "sources", "bibliography",
    "الهوامش", "هوامش", "المراجع", "المصادر", "الحواشي", "المصادر والمراجع",
}  # fmt: skip
# Interview labels: a question's and an answer's.
QUESTION_RE = re.compile(r"^(?:س|سؤال|q|question)\s*[:：\-–]\s*", re.IGNORECASE)
ANSWER_RE = re.compile(r"^(?:ج|جواب|a|answer)\s*[:：\-–]\s*", re.IGNORECASE)


def is_summary_label(text):
    match = SUMMARY_LABEL_RE.match(text)
    return bool(match) and match.end() == len(text)


def is_notes_heading(text):
    return clean(text).rstrip(":").strip().casefold() in NOTES_HEADINGS


FURNITURE_LINES = {
    "picture": {"image", "photo", "picture", "صورة", "الصورة", "صورة أرشيفية"},
    "links": {
        "share", "share this", "share this article", "print", "print this page", "email",
        "e-mail", "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "read more",
        "continue reading", "مشاركة", "شارك", "طباعة", "اطبع", "فيسبوك", "تويتر", "واتساب",
        "واتس اب", "لينكد إن", "تيليجرام", "تلغرام", "البريد الإلكتروني", "اقرأ المزيد",
        "المزيد",
    },
}  # fmt: skip
FURNITURE_RES = [
    ("links", re.compile(r"^(?:read more|see also|اقرأ أيضاً?|اقرأ أيضًا|اقرأ كذلك)\s*:\s*\S", re.I)),
    ("links", re.compile(r"^(?:لاستكمال|لمتابعة|لقراءة)\b.*(?:اضغط|انقر)\s+هنا\.?$")),
    ("links", re.compile(r"^(?:click|tap)\s+here\b", re.I)),
    ("links", re.compile(r"\bnewsletter\b|النشرة البريدية|النشرة الإخبارية|اشترك في نشرتنا", re.I)),
    (
        "tags",
        re.compile(
            r"^(?:tags|keywords|key\s+words|topics|الوسوم|وسوم|الكلمات المفتاحية|كلمات مفتاحية|"
            r"الكلمات الدالة)\s*:",
            re.I,
        ),
    ),
    ("copyright", re.compile(r"©|\ball rights reserved\b|جميع الحقوق محفوظة|\bcopyright\b", re.I)),
    (
        "updated",
        re.compile(r"^(?:updated|last\s+updated|آخر\s+تحديث|تم\s+التحديث|تحديث)\s*:?\s*\S", re.I),
    ),
]
RELATED_HEADERS_RE = re.compile(
    r"^(?:related|related\s+articles|related\s+content|you\s+may\s+also\s+like|more\s+from\b.*|"
    r"اقرأ أيضاً?|اقرأ أيضًا|مقالات ذات صلة|موضوعات ذات صلة|المزيد من\b.*)$",
    re.IGNORECASE,
)
BREADCRUMB_RE = re.compile(r"\s[>»›/|]\s")
MASTHEAD_RE = re.compile(
    r"\b(?:vol\.?|volume|no\.|issue)\s*[0-9]|المجلد|العدد|\bjournal\b|\bquarterly\b|\breview\b|مجلة",
    re.IGNORECASE,
)


def furniture_reason(text):
    """Why a line on its own is page furniture ("links", "tags"…), or ""."""
    text = clean(text)
    if len(text.split()) > 25:
        return ""
    folded = text.casefold().rstrip(":").strip()
    for reason, lines in FURNITURE_LINES.items():
        if folded in lines:
            return reason
    for reason, pattern in FURNITURE_RES:
        if pattern.search(text):
            if reason == "updated" and not parse_date(text[pattern.match(text).end() - 1 :]):
                continue
            return reason
    return ""


def is_breadcrumbs(text):
    text = clean(text)
    return (
        len(BREADCRUMB_RE.findall(f" {text} ")) >= 2
        and len(text.split()) <= 15
        and not ends_sentence(text)
    )


def is_masthead(text):
    """A journal's masthead above the title: its name with a volume, issue or season."""
    text = clean(text)
    return (
        len(text.split()) <= 20
        and bool(MASTHEAD_RE.search(text))
        and any(ch.isdigit() for ch in text.translate(ARABIC_DIGITS))
    )


ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
