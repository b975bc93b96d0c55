"""The outside checkers the suite runs on pages (installed by `npm ci`, see package.json)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def require(path):
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `npm ci` (make test does).")
    return path


def reader_pages(article, topic, author, news_item):
    """One address of each public page type, without the language prefix."""
    return {
        "home": "/",
        "article-list": "/articles/",
        "article": f"/articles/{article.slug}/",
        "topic": f"/topics/{topic.slug}/",
        "kind": f"/kinds/{article.kind.slug}/",
        "author": f"/authors/{author.slug}/",
        "authors": "/authors/",
        "year": f"/articles/archive/{article.published_at.year}/",
        "news-list": "/news/",
        "news-item": f"/news/{news_item.pk}/",
        "search": "/search/?q=Syria",
        "search-empty": "/search/?q=",
        "not-found": "/no-such-page/",
    }
