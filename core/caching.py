"""
Whole-page caching for anonymous readers, shared by every app server through the cache
(Redis in production; production refuses a cache in each process's memory, see
thinktank/settings.py). A page is kept per address, scheme and host included, and
language (`page_key`).

A cached page remembers the content it was made from as *tags* ("article:12", "news",
"listings", …) and the version each tag had. Saving content bumps the versions of its
tags (in the shared cache, so in every process at once); a cached page whose tags have
moved on is not served again. Editing one article therefore refreshes its own page and
the listings, not every other article's page, and nothing is ever flushed wholesale.

Scheduled publication needs no job either: every cached page expires no later than the
next moment something is due to go live.

Staff (anyone with a session cookie) and previews are never served from, nor stored in,
the cache. Pages stored here also carry `X-Accel-Expires` (settings.PROXY_CACHE_SECONDS,
one second by default): nginx in front of the app servers (deploy/nginx.conf) keeps them
that long and answers readers without asking Django at all, so an edit reaches readers
within that second; nothing else ever carries the header, so nginx keeps nothing else.

Values that pages are made from (an article's rendered body, the center news, listing
counts, the home page's topics and years) are remembered the same way by `remember()`,
for everyone, staff included: a page made afresh is then mostly assembled, not computed.

A cache outage only means pages are made afresh (django-redis is configured to ignore
connection errors).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

PAGE_TIMEOUT = 60 * 60  # an hour at most, whatever happens
SCHEDULE_KEY = "content:next-publication"
# Every list of content (listings, counts, the home page): what most saves make stale,
# and what a page stands for when it names no tags of its own.
LISTINGS = "listings"


def tag_key(tag):
    return f"content:tag:{tag}"


def page_key(request):
    """
    What a page is kept under: what Django's own cache middleware keys it on
    (django.utils.cache._generate_cache_key), the full address with its scheme and host,
    and the language it is made in. Pages carry absolute addresses (canonical, og:url,
    hreflang, the sitemap's and feeds' links): a page made for http:// or for one host
    name must never be served for https:// or another. The language comes from the
    address (/ar/, /en/), else the cookie and Accept-Language, as LocaleMiddleware, which
    runs after this, will choose it.
    """
    address = request.build_absolute_uri()
    language = translation.get_language_from_request(request, check_path=True)
    digest = hashlib.sha256(f"{language}|{address}".encode()).hexdigest()
    # HEAD is answered from the page GET made (and the other way round).
    return f"page:GET:{digest}"


def add_tags(request, *tags):
    """What the page being made shows; views call this. A page whose view names none
    stands for LISTINGS."""
    request.cache_tags = getattr(request, "cache_tags", set()) | set(tags)


def add_fragment_tags(request, *tags):
    """What a part shown on many pages adds to the page it is on (the center news, from
    its template tag), whatever the view named."""
    request.cache_fragment_tags = getattr(request, "cache_fragment_tags", set()) | set(tags)


def keep_for_at_most(request, seconds):
    """A shorter life for pages of which there can be very many (search results)."""
    request.cache_timeout = seconds


def bump(*tags):
    """
    Make whatever was made from `tags` stale, in every process. Inside a transaction the
    versions move again at commit: another process could otherwise render the old rows
    between this call and the commit and keep them under the new versions.
    """
    _increment(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _increment(tags))


def _increment(tags):
    for key in [*(tag_key(tag) for tag in tags), EPOCH_KEY]:
        # add() then incr(): both atomic in Redis; a missing key starts the count.
        cache.add(key, 0, timeout=None)
        try:
            cache.incr(key)
        except ValueError:  # evicted between the two calls
            cache.set(key, 1, timeout=None)
    cache.delete(SCHEDULE_KEY)


def current_versions(tags):
    found = cache.get_many([tag_key(tag) for tag in tags])
    return {tag: found.get(tag_key(tag), 0) for tag in tags}


# Moves on with every change of any content. A page is only stored if it did not move
# while the page was being made: the page's tags are known only once it is made, after
# its rows were read, so their versions alone cannot tell a page made from rows that
# changed meanwhile.
EPOCH_KEY = "content:epoch"


# Content that goes live at a time of its own: functions registered by the apps
# (publishes_on_schedule), each giving the future publication times of one kind of
# content as an unordered values_list("published_at", flat=True).
_schedules = []


def publishes_on_schedule(upcoming):
    """Tell the cache about content that goes live by itself: `upcoming()` returns its
    future publication times. Apps call this in their AppConfig.ready()."""
    if upcoming not in _schedules:
        _schedules.append(upcoming)


def next_publication():
    """When something scheduled goes live next (a Unix time), or None."""
    cached = cache.get(SCHEDULE_KEY)
    # 0 means "nothing scheduled"; a moment now past means it is time to look again.
    if cached is not None and (cached == 0 or cached > time.time()):
        return cached or None
    moment = None
    if _schedules:
        # One query for every kind of content.
        first, *others = (upcoming() for upcoming in _schedules)
        moment = first.union(*others).order_by("published_at").first()
    upcoming = moment.timestamp() if moment else 0
    cache.set(SCHEDULE_KEY, upcoming, timeout=PAGE_TIMEOUT)
    return upcoming or None


def remember(name, tags, compute, *, timeout=PAGE_TIMEOUT):
    """
    A value made from content (a count, a list, a rendered fragment), kept in the shared
    cache while the content it was made from holds: its key carries the current versions
    of `tags`, so saving that content moves every process on to a fresh key at once. Like a
    page, it lasts no longer than the next scheduled publication. Staff and readers share
    it: it is the same whoever asks.
    """
    versions = current_versions(tags)
    stamp = ",".join(f"{tag}={versions[tag]}" for tag in sorted(versions))
    key = "value:" + hashlib.sha256(f"{name}|{stamp}".encode()).hexdigest()
    found = cache.get(key)
    # The moment is checked here too, not left to the cache's own expiry: that is the
    # clock the schedule is read by.
    if found is not None and time.time() < found[1]:
        return found[0]
    value = compute()
    expires = time.time() + timeout
    upcoming = next_publication()
    if upcoming:
        expires = min(expires, upcoming)
    if (seconds := int(expires - time.time())) > 0:
        cache.set(key, (value, expires), timeout=seconds)
    return value


def is_reader_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and request.path_info.startswith(READER_PREFIXES)
        and not request.path_info.startswith(STAFF_PREFIXES)
    )


READER_PREFIXES = (
    *(f"/{code}/" for code, _name in settings.LANGUAGES),
    "/sitemap",
    "/robots.txt",
)
ADMIN_PATH = getattr(settings, "ADMIN_PATH", "admin/")
STAFF_PREFIXES = tuple(f"/{code}/{ADMIN_PATH}" for code, _name in settings.LANGUAGES)


class ReaderCacheMiddleware:
    """Serve anonymous readers' pages from the shared cache while their content holds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_reader_request(request):
            return self.get_response(request)
        key = page_key(request)
        found = cache.get_many([key, EPOCH_KEY])
        entry = found.get(key)
        if entry is not None:
            response, versions, expires = entry
            if time.time() < expires and current_versions(versions) == versions:
                response["X-Cache"] = "hit"
                return response
        response = self.get_response(request)
        response["X-Cache"] = "miss"
        self.store(request, key, response, epoch=found.get(EPOCH_KEY, 0))
        return response

    def store(self, request, key, response, *, epoch):
        cacheable = (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "no-store" not in response.get("Cache-Control", "")
            and not getattr(request, "cache_skip", False)
        )
        if not cacheable:
            return
        tags = (getattr(request, "cache_tags", None) or {LISTINGS}) | getattr(
            request, "cache_fragment_tags", set()
        )
        found = cache.get_many([*(tag_key(tag) for tag in tags), EPOCH_KEY])
        if found.get(EPOCH_KEY, 0) != epoch:
            return  # content changed while this page was made: it may show either state
        versions = {tag: found.get(tag_key(tag), 0) for tag in tags}
        expires = time.time() + getattr(request, "cache_timeout", PAGE_TIMEOUT)
        upcoming = next_publication()
        if upcoming:
            expires = min(expires, upcoming)
        timeout = int(expires - time.time())
        if timeout <= 0:
            return
        # Readers' pages may be kept by browsers and CDNs, but must be checked (ETag,
        # Last-Modified) before each use, so an edit shows at once.
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        patch_vary_headers(response, ["Cookie"])
        if settings.PROXY_CACHE_SECONDS:
            # nginx (deploy/nginx.conf) may answer this page for us for a moment: it
            # obeys this header, and keeps it from browsers and CDNs.
            response["X-Accel-Expires"] = str(min(settings.PROXY_CACHE_SECONDS, timeout))
        cache.set(key, (response, versions, expires), timeout=timeout)


# What a change to each kind of content makes stale: the apps say it in their ready().


def invalidate_on_change(model, tags):
    """
    After every save or delete of a `model` row, bump the tags `tags(row)` names (an
    empty result bumps nothing). Apps call this in their AppConfig.ready() for each kind
    of content their pages show.
    """

    def changed(sender, instance, **kwargs):
        if found := tags(instance):
            bump(*found)

    uid = f"cache-{model._meta.label_lower}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-save")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-delete")


def invalidate_on_relation_change(through, tags):
    """The same for a many-to-many relation: `tags(row)` of the row whose links changed."""

    def changed(sender, instance, **kwargs):
        if found := tags(instance):
            bump(*found)

    m2m_changed.connect(
        changed, sender=through, weak=False, dispatch_uid=f"cache-{through._meta.label_lower}"
    )
