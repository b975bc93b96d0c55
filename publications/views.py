"""
Readers' pages of the center's periodicals and numbered series: all series, a series
with its issues, an issue with its contents, and the issue's PDF.

Readers of a language see a series once it is named in it and has an issue published in
it, and an issue once it is published and released in it (Issue.objects.published_in);
anything else is a 404 for them. Staff who may see unpublished issues
(permissions.can_view) see the same pages under a preview banner, never cached.

Each page reads a fixed number of queries whatever the number of issues and entries,
and names what it shows to the reader cache (core/caching.py): a series' tag, an
issue's, and the "article:<id>" tags of the articles it lists, which
publications/caches.py and the articles' own saves move on.
"""

from urllib.parse import quote

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Exists, F, OuterRef, Prefetch, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, get_language_info

from articles import renditions
from articles.models import Article, Author, article_cache_tag, first_filled, paragraphs
from core import caching
from core.pagination import RememberedCountPaginator

from . import labels, permissions, seo
from .models import LANGUAGE_CODES, Issue, Series, issue_cache_tag, series_cache_tag


def issues_per_page():
    return settings.ARTICLES_PER_PAGE * 2


def pages_columns(model, prefix=""):
    """A model's search columns (copies of its text that no page shows), to defer."""
    return [f"{prefix}{name}" for name in model.searchable.columns]


def issues_for_pages(queryset):
    return queryset.defer(*pages_columns(Issue))


def latest_issues(language):
    """Each series' newest issue published in `language`, fetched for a whole list of
    series in one query (a row number per series, newest first)."""
    newest = Window(
        RowNumber(),
        partition_by=[F("series_id")],
        order_by=[F("date").desc(), F("number").desc()],
    )
    ranked = issues_for_pages(Issue.objects.published_in(language)).annotate(place=newest)
    return Prefetch("issues", queryset=ranked.filter(place=1), to_attr="latest_issues")


def in_language(code):
    """What the language switch and hreflang say of a language (core/context_processors.py)."""
    return {
        "code": code,
        "name": get_language_info(code)["name_local"],
        "bidi": code in settings.LANGUAGES_BIDI,
    }


def language_links(request, urls):
    """
    The language switch and hreflang alternates of a page that exists in some languages
    only: `urls` maps each language to the page's address in it, or None where it does
    not exist, where the switch leads to the publications in that language instead.
    """
    current = get_language()
    switch = []
    for code in LANGUAGE_CODES:
        if code == current:
            continue
        url = urls.get(code)
        if url is None:
            with translation.override(code):
                url = reverse("publications:list")
        switch.append({**in_language(code), "url": url})
    alternates = [
        {"code": code, "url": request.build_absolute_uri(url)}
        for code, url in urls.items()
        if url is not None
    ]
    return {"other_languages": switch, "alternates": alternates}


def preview_response(request, template, context):
    """A page staff see before readers may: never cached, never indexed."""
    context["preview"] = True
    response = render(request, template, context)
    add_never_cache_headers(response)
    return response


def issue_card(issue, series, language):
    """What a list of issues shows of one: its cover, number, period and theme."""
    # The series is known: the issue's address needs it, and must not query it again.
    issue.series = series
    return {
        "issue": issue,
        "url": issue.get_absolute_url(),
        "number": labels.number_label(issue, language),
        "period": labels.period_label(issue, language),
    }


def series_list(request):
    """Every series named in the page's language with an issue published in it, in the
    editors' order, each with its latest issue's cover. Two queries."""
    language = get_language()
    shown = list(
        Series.objects.with_issues_in(language)
        .defer(*pages_columns(Series))
        .prefetch_related(latest_issues(language))
    )
    for series in shown:
        series.latest = next(
            (issue_card(issue, series, language) for issue in series.latest_issues), None
        )
    caching.add_tags(request, caching.LISTINGS, *(series_cache_tag(series.pk) for series in shown))
    return render(request, "publications/series_list.html", {"series_list": shown})


def series_detail(request, slug):
    """
    A series: what it publishes, its type, frequency and ISSN, and its issues published in
    the page's language, newest first, with their covers. Three queries: the series, the
    count of its issues (remembered until one changes) and one page of them.
    """
    language = get_language()
    has_issues = {
        f"has_issues_{code}": Exists(Issue.objects.published_in(code).filter(series=OuterRef("pk")))
        for code in LANGUAGE_CODES
    }
    series = Series.objects.defer(*pages_columns(Series)).annotate(**has_issues)
    series = series.filter(slug=slug).first()
    if series is None:
        raise Http404
    public_in = [code for code in LANGUAGE_CODES if getattr(series, f"has_issues_{code}")]
    public = language in public_in
    if not public and not permissions.can_view(request.user):
        raise Http404
    if public:
        issues = Issue.objects.published_in(language).filter(series=series)
        paginator = RememberedCountPaginator(
            issues_for_pages(issues),
            issues_per_page(),
            count_name=request.path,
            count_tags=(series_cache_tag(series.pk),),
        )
    else:
        # The preview shows every issue, whatever its state, to see the page take shape.
        paginator = Paginator(issues_for_pages(series.issues.all()), issues_per_page())
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404 from error
    issues = [issue_card(issue, series, language) for issue in page.object_list]
    cover = renditions.page_picture(series.cover)
    share_image = cover or next(
        (picture for card in issues if (picture := renditions.page_picture(card["issue"].cover))),
        None,
    )
    share_image_url = request.build_absolute_uri(share_image.img.url) if share_image else None
    context = {
        "series": series,
        "name": labels.series_name(series, language),
        "cover": cover,
        "issues": issues,
        "page_obj": page,
        "share_image": share_image_url,
        "structured_data": seo.series_structured_data(series, request, share_image_url),
        **language_links(
            request,
            {code: series.url_in(code) if code in public_in else None for code in LANGUAGE_CODES},
        ),
    }
    if not public:
        return preview_response(request, "publications/series_detail.html", context)
    caching.add_tags(
        request,
        series_cache_tag(series.pk),
        *(issue_cache_tag(card["issue"].pk) for card in issues),
    )
    return render(request, "publications/series_detail.html", context)


def find_issue(slug, number, *, with_editorial=False):
    issues = Issue.objects.select_related("series").defer(
        *pages_columns(Issue), *pages_columns(Series, "series__")
    )
    if with_editorial:
        issues = issues.select_related("editorial").defer(*pages_columns(Article, "editorial__"))
    return issues.filter(series__slug=slug, number=number).first()


def article_line(article, language):
    """An article as the issue's page lists it: its title, byline, and a link when readers
    of the language can open it."""
    return {
        "article": article,
        "title": article.title,
        "url": article.get_absolute_url() if article.is_published_in(language) else "",
        "authors": list(article.authors.all()),
    }


def contents_of(issue, language):
    """
    The issue's editorial and table of contents as its page shows them, in two queries
    however many entries it has: the entries with their articles, then the authors of
    those articles and of the editorial.

    An entry whose article readers of the language cannot open (not published, or not
    released in the language) is listed without a link, as the printed issue and its PDF
    list it; one with no title in the language is left out. Consecutive entries with the
    same part are grouped under one heading.
    """
    entries = list(
        issue.entries.select_related("article")
        .defer(*pages_columns(Article, "article__"))
        .order_by("position", "pk")
    )
    articles = [entry.article for entry in entries]
    if issue.editorial is not None:
        articles.append(issue.editorial)
    authors = Author.objects.defer(*pages_columns(Author)).order_by(
        "authorship__position", "authorship__pk"
    )
    prefetch_related_objects(articles, Prefetch("authors", queryset=authors))
    groups = []
    for entry in entries:
        if not entry.article.title:
            continue
        line = {
            **article_line(entry.article, language),
            "pages": labels.pages_label(entry.pages, language),
            "first_page": entry.first_page,
            "last_page": entry.last_page,
        }
        if groups and groups[-1]["part"] == entry.part:
            groups[-1]["entries"].append(line)
        else:
            groups.append({"part": entry.part, "entries": [line]})
    editorial = None
    if (article := issue.editorial) is not None and article.title:
        editorial = {
            **article_line(article, language),
            "summary": first_filled(article.summary, *paragraphs(article.lead)[:1]),
        }
    return editorial, groups, articles


def issue_detail(request, slug, number):
    """
    An issue: its cover, number and period as the language writes them, theme, summary,
    PDF (its size), editorial and table of contents. Three queries: the issue with its
    series and editorial, its entries with their articles, and the articles' authors.
    """
    language = get_language()
    issue = find_issue(slug, number, with_editorial=True)
    if issue is None:
        raise Http404
    public = issue.is_published_in(language)
    if not public and not permissions.can_view(request.user):
        raise Http404
    editorial, contents, articles = contents_of(issue, language)
    cover = renditions.page_picture(issue.cover)
    share_image = request.build_absolute_uri(cover.img.url) if cover else None
    context = {
        "issue": issue,
        "series": issue.series,
        "series_name": labels.series_name(issue.series, language),
        "number": labels.number_label(issue, language),
        "label": labels.issue_label(issue, language),
        "period": labels.period_label(issue, language),
        "pdf": labels.pdf_label(issue, language),
        "cover": cover,
        "share_image": share_image,
        "editorial": editorial,
        "contents": contents,
        "structured_data": seo.issue_structured_data(issue, request, contents, share_image),
        **language_links(
            request,
            {
                code: issue.url_in(code) if issue.is_published_in(code) else None
                for code in LANGUAGE_CODES
            },
        ),
    }
    if not public:
        return preview_response(request, "publications/issue_detail.html", context)
    caching.add_tags(
        request,
        issue_cache_tag(issue.pk),
        series_cache_tag(issue.series_id),
        *(article_cache_tag(article.pk) for article in articles),
    )
    return render(request, "publications/issue_detail.html", context)


def content_disposition(filename, fallback):
    """
    An attachment's header with its name in the page's language: RFC 6266's `filename*`
    (RFC 5987's UTF-8 encoding) for a name that is not ASCII, which browsers prefer, and
    an ASCII `filename` for programs that do not read the other.
    """
    if filename.isascii():
        return f'attachment; filename="{filename}"'
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


def issue_pdf(request, slug, number):
    """The issue's PDF, as an attachment named in the page's language ("Asian Trends -
    Issue 3.pdf"), for readers once the issue is published in the language."""
    language = get_language()
    issue = find_issue(slug, number)
    if issue is None or not issue.pdf:
        raise Http404
    public = issue.is_published_in(language)
    if not public and not permissions.can_view(request.user):
        raise Http404
    try:
        file = issue.pdf.open("rb")
    except (OSError, ValueError) as error:
        # Accepted once, and since lost from the storage: a 404, not a server error.
        raise Http404 from error
    response = FileResponse(file, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(
        labels.pdf_filename(issue, language), labels.pdf_ascii_filename(issue)
    )
    if not public:
        add_never_cache_headers(response)
    return response
