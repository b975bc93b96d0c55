"""
The center news of a published issue, in the words of the reference page's own news:
«مركز المستقبل يتيح العدد الثالث من مجلة "اتجاهات آسيوية"» / «The Future Center releases
issue 3 of “Asian Trends”». The item leads to the issue's page (it is the item's
`subject`, see news/models.py) while readers of its language can see the issue.

The headlines are content, stored per language like every headline, not interface
strings: each language's sentence is written here, as news/announcing.py writes "X
writes:" for an analysis. The center's name is its short name from the settings
(core/site.py), the number is written as the language writes an issue's number
(publications/labels.py: العدد الثالث، العدد الثاني عشر؛ issue 3).
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from core.models import Status
from core.site import site_short_name
from news import announcing as news_announcing
from news.models import NewsItem

from .labels import number_in_words, series_name

# What the series is called in the Arabic sentence, by its type: a periodical is a
# magazine (مجلة، as in the reference page); a numbered series of studies is a series
# (سلسلة "دراسات المستقبل").
ARABIC_SERIES_NOUNS = {"periodical": "مجلة", "numbered": "سلسلة"}
# "releases" in Arabic agrees with the center: مركز (m.) يتيح، مؤسسة (f.) تتيح.
ARABIC_RELEASES = {False: "يتيح", True: "تتيح"}
# An English short name that ends in one of these common nouns takes "the" ("The Future
# Center releases…"); a proper name does not ("Chatham House releases…").
ENGLISH_COMMON_NOUNS = {
    "academy",
    "center",
    "centre",
    "council",
    "forum",
    "foundation",
    "institute",
    "observatory",
    "programme",
    "program",
    "unit",
}


def center_in_english(name):
    """The center's short name at the start of an English sentence."""
    if name.lower().startswith("the "):
        return name[0].upper() + name[1:]
    words = name.split()
    if words and words[-1].lower().strip(".,") in ENGLISH_COMMON_NOUNS:
        return f"The {name}"
    return name


def arabic_is_feminine(name):
    """Whether an Arabic name takes a feminine verb: its first noun ends in ة (مؤسسة،
    هيئة، أكاديمية), unlike مركز and معهد."""
    words = name.split()
    return bool(words) and words[0].endswith("ة")


def fit(before, name, after, limit):
    """before + name + after in at most `limit` characters, shortening the name only."""
    return before + news_announcing.shorten(name, limit - len(before) - len(after)) + after


def headline(issue, language, limit):
    """The sentence announcing `issue` in `language`."""
    center = site_short_name(language)
    name = series_name(issue.series, language)
    number = number_in_words(issue.number, language)
    if language == "ar":
        noun = ARABIC_SERIES_NOUNS.get(issue.series.series_type, "مجلة")
        verb = ARABIC_RELEASES[arabic_is_feminine(center)]
        # The straight quotation marks of the reference page's line.
        return fit(f'{center} {verb} العدد {number} من {noun} "', name, '"', limit)
    return fit(f"{center_in_english(center)} releases issue {number} of “", name, "”", limit)


def announced_languages(issue):
    """
    The languages the issue is announced in: those its series is named in and the issue
    is released in. An issue not published yet, with no language released, is previewed
    in those publishing will release: every language its series is named in.
    """
    named = issue.languages
    released = [code for code in named if getattr(issue, f"language_published_{code}")]
    if released or issue.status == Status.PUBLISHED:
        return released
    return named


def drafted_headlines(issue):
    """{language: headline} the center news would publish for `issue` as it is now."""
    limit = NewsItem._meta.get_field("headline").max_length
    codes = [code for code, _name in settings.LANGUAGES]
    return {
        code: headline(issue, code, limit) for code in announced_languages(issue) if code in codes
    }


def announce_issue(issue, headlines=None):
    """
    The center-news item announcing a published (or scheduled) issue: published at the
    issue's publication time, so that it goes out with the issue, in each language the
    issue is released in, in the editor's words where `headlines` ({language: text}) has
    some. Made once: announcing the issue again returns the item already made, unchanged,
    since its editor may have reworded it. None for an issue that is not published, or
    released in no language.
    """
    if issue.status != Status.PUBLISHED or issue.published_at is None:
        return None
    return news_announcing.announce_subject(
        issue, drafted_headlines(issue), issue.published_at, written=headlines
    )


def connect():
    """
    Let news items lead to issues, fetched with their series (the issue's address names
    it), and keep the center news on every page in step with the issues it leads to:
    unpublished, released in another language, renumbered, or its series renamed.
    """
    from .models import Issue, Series

    news_announcing.register_subject(
        Issue.objects.select_related("series").defer(
            *Issue.searchable.columns,
            *(f"series__{name}" for name in Series.searchable.columns),
        )
    )

    def issue_changed(sender, instance, **kwargs):
        news_announcing.subjects_changed(Issue, [instance.pk])

    def issue_deleted(sender, instance, **kwargs):
        news_announcing.subject_deleted(instance)

    def series_changed(sender, instance, **kwargs):
        news_announcing.subjects_changed(Issue, instance.issues.values_list("pk", flat=True))

    post_save.connect(issue_changed, sender=Issue, weak=False, dispatch_uid="news-issue-saved")
    post_delete.connect(issue_deleted, sender=Issue, weak=False, dispatch_uid="news-issue-gone")
    post_save.connect(series_changed, sender=Series, weak=False, dispatch_uid="news-series-saved")
