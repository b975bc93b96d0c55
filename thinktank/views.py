from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from articles.models import Article, Topic, with_published_articles
from articles.views import with_authors
from core import caching

LATEST_ON_HOME = 6


def home(request):
    """The lead analysis, the latest ones, the center news and the topics, in one language."""
    language = get_language()
    published = Article.objects.published_in(language)
    articles = list(with_authors(published)[: LATEST_ON_HOME + 1])
    # Both change only when content does: remembered until then (caching.remember).
    topics = caching.remember(
        f"home:topics:{language}",
        [caching.LISTINGS],
        lambda: list(
            with_published_articles(Topic.objects.all(), "topics", language).order_by(
                f"name_{language}"
            )
        ),
    )
    years = caching.remember(
        f"home:years:{language}",
        [caching.LISTINGS],
        lambda: list(published.dates("published_at", "year", order="DESC")),
    )
    return render(
        request,
        "home.html",
        {
            "lead": articles[0] if articles else None,
            "latest": articles[1:],
            "topics": topics,
            "years": years,
        },
    )


def robots_txt(request):
    """Crawlers may read everything public; the sitemap lists it all."""
    lines = ["User-agent: *"]
    for code, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{code}/{settings.ADMIN_PATH}", f"Disallow: /{code}/search/"]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
