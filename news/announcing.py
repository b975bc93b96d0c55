"""
The center news announces what the other apps publish: "د. X يكتب: (title)" / "Dr. X
writes: (title)" for an analysis (asked through articles.signals.announcement_requested),
and draft items from the center-news lines found in an imported page
(articles.signals.center_news_found). Connected in NewsConfig.ready().

The apps above news announce their own publications (a periodical's issue) with
`announce_subject()`: the item then leads to that publication, its `subject`. News never
imports those apps; each tells news, in its AppConfig.ready(), how to fetch its
publications for a page (`register_subject`).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from articles.importing import is_arabic
from core import caching
from core.models import Status
from core.text import join_names

from .models import NEWS_CACHE_TAG, NewsItem

# What a news item can lead to besides an article, {model: queryset}: the queryset the
# news pages fetch those publications with (NewsItemQuerySet.for_pages). Filled by the
# apps above news through register_subject().
subject_querysets = {}


def register_subject(queryset):
    """
    Let news items lead to rows of `queryset.model`, fetched for the news pages with
    `queryset`: select there what the rows' get_absolute_url() reads (an issue's series),
    so that the center news costs one query per kind of subject however many items it
    lists. The model has get_absolute_url() and is_published_in(language).
    """
    subject_querysets[queryset.model] = queryset


def leading_to(subject):
    """The news items that lead to `subject`, oldest first."""
    return NewsItem.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    ).order_by("pk")


def subjects_changed(model, ids):
    """
    Rows of `model` changed (`ids`: their pks, a list or a values_list queryset): one
    may be unpublished, released in another language or moved to another address. The
    center news, remembered on every page, is made stale if an item leads to one of them;
    a change to anything else costs one small query and leaves the cache alone.
    """
    announced = NewsItem.objects.filter(
        subject_type=ContentType.objects.get_for_model(model), subject_id__in=ids
    )
    if announced.exists():
        caching.bump(NEWS_CACHE_TAG)


def subject_deleted(subject):
    """`subject` is gone: the items that led to it lead where they would without it."""
    if leading_to(subject).update(subject_type=None, subject_id=None):
        caching.bump(NEWS_CACHE_TAG)


def announce_subject(subject, headlines, published_at, written=None):
    """
    The center-news item announcing `subject` (a publication of an app above news), made
    once: published at `published_at` with `headlines` ({language: text}), in the
    editor's words where `written` has some (shortened to fit). Announcing again returns
    the item already made, unchanged: an editor may have reworded it since. None when
    there is no headline in any language.
    """
    existing = leading_to(subject).first()
    if existing:
        return existing
    if not headlines:
        return None
    return NewsItem.objects.create(
        subject=subject,
        status=Status.PUBLISHED,
        published_at=published_at or timezone.now(),
        **{f"headline_{code}": text for code, text in reworded(headlines, written).items()},
    )


# "writes" in Arabic, by number of authors and whether they are all women.
ARABIC_WRITES = {
    (1, False): "يكتب",
    (1, True): "تكتب",
    (2, False): "يكتبان",
    (2, True): "تكتبان",
    (3, False): "يكتبون",
    (3, True): "يكتبن",
}


def announcement_headlines(article):
    """{"ar": "د. X يكتب: (title)", "en": "Dr. X writes: (title)"} for each language the
    article and all its authors are written in, each short enough for the center news
    (a long title is shortened, see fit_headline)."""
    authors = list(article.authors.all())
    limit = NewsItem._meta.get_field("headline").max_length
    headlines = {}
    for code, _name in settings.LANGUAGES:
        title = getattr(article, f"title_{code}")
        names = [author.byline_in(code) for author in authors]
        if not title or not names or not all(getattr(a, f"name_{code}") for a in authors):
            continue
        if code == "ar":
            feminine = all(a.gender == a.Gender.FEMININE for a in authors)
            verb = ARABIC_WRITES[(min(len(names), 3), feminine)]
            headlines[code] = fit_headline(f"{join_names(names, code)} {verb}: ", title, limit)
        else:
            joined = join_names(names, code)
            verb = "writes" if len(names) == 1 else "write"
            headlines[code] = fit_headline(f"{joined} {verb}: ", title, limit)
    return headlines


ELLIPSIS = "…"
# Left out before an ellipsis: "(Title, …)" reads as a list cut short.
TRAILING_PUNCTUATION = " \t\n,;:.-–—،؛"


def shorten(text, length):
    """
    `text` in at most `length` characters: whole when it fits, else cut after its last
    whole word that fits (mid-word only for a first word too long by itself) and
    followed by an ellipsis.
    """
    if len(text) <= length:
        return text
    room = length - len(ELLIPSIS)
    if room <= 0:
        return ELLIPSIS[:length]
    cut = text[:room]
    if not text[room].isspace() and any(character.isspace() for character in cut):
        cut = cut[: max(index for index, character in enumerate(cut) if character.isspace())]
    cut = cut.rstrip(TRAILING_PUNCTUATION) or text[:room]
    return cut + ELLIPSIS


def fit_headline(lead_in, title, limit):
    """
    "lead_in(title)" in at most `limit` characters (the headline column's max_length),
    shortening the title, and only in the pathological case of bylines that fill the
    column by themselves the lead-in too; the parentheses are always kept.
    """
    lead_in = shorten(lead_in, max(limit - len(f"({ELLIPSIS})"), 0))
    return f"{lead_in}({shorten(title, limit - len(lead_in) - len('()'))})"


def announce(article, written=None):
    """
    Create the center-news item announcing a published article (once), with the
    headlines the editor `written` ({language: text}) where given, shortened to fit,
    the usual ones elsewhere; returns it or None.
    """
    existing = NewsItem.objects.filter(article=article).first()
    if existing:
        return existing
    headlines = announcement_headlines(article)
    if not headlines:
        return None
    return NewsItem.objects.create(
        article=article,
        status=Status.PUBLISHED,
        published_at=article.published_at or timezone.now(),
        **{f"headline_{code}": text for code, text in reworded(headlines, written).items()},
    )


def reworded(headlines, written):
    """`headlines` with the editor's own words (`written`, {language: text}) where they
    wrote some, for a language that has a headline, on one line and shortened to fit."""
    limit = NewsItem._meta.get_field("headline").max_length
    headlines = dict(headlines)
    for code, text in (written or {}).items():
        text = " ".join(str(text).split())
        if code in headlines and text:
            headlines[code] = shorten(text, limit)
    return headlines


def announce_article(sender, article, headlines=None, **kwargs):
    """Receiver of articles.signals.announcement_requested."""
    return announce(article, headlines)


def draft_announcement(sender, article, **kwargs):
    """Receiver of articles.signals.announcement_drafted."""
    return announcement_headlines(article)


def add_found_news(sender, headlines, **kwargs):
    """Receiver of articles.signals.center_news_found: draft news items from the lines,
    in the language of each line's script; a line already a news item's headline is
    skipped. Returns the items made."""
    codes = [code for code, _name in settings.LANGUAGES]
    created = []
    for headline in headlines:
        code = "ar" if is_arabic(headline) else "en"
        if code not in codes:
            code = settings.LANGUAGE_CODE
        if NewsItem.objects.filter(**{f"headline_{code}": headline}).exists():
            continue
        created.append(
            NewsItem.objects.create(status=Status.DRAFT, **{f"headline_{code}": headline})
        )
    return created
