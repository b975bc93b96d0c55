"""The outside checkers the suite runs on pages (installed by `npm ci`, see package.json)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def require(path):
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `npm ci` (make test does).")
    return path


def nu_errors(pages, folder):
    """
    The Nu HTML Checker's errors on `pages` ({name: the page's bytes}), each as
    "name.html:line: message"; the pages are written to `folder` (a test's tmp_path).
    """
    jar = require(VNU_JAR)
    java = shutil.which("java") or pytest.fail(
        "The Nu HTML Checker needs Java (apt-get install default-jre-headless)."
    )
    files = []
    for name, content in pages.items():
        path = folder / f"{name}.html"
        path.write_bytes(content)
        files.append(str(path))
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]


# Run in a page that loaded axe-core (AXE_JS as an init script): its serious and critical
# violations, each as "rule: the elements it found".
AXE_SERIOUS = """async () => (await axe.run(document, {resultTypes: ["violations"]}))
    .violations.filter(v => ["serious", "critical"].includes(v.impact))
    .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "))"""


def reader_pages(article, topic, author, news_item, issue=None):
    """One address of each public page type, without the language prefix; with `issue`
    (a publications.Issue published in both languages), its series' page and its own."""
    pages = {
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
        "publications": "/publications/",
        "not-found": "/no-such-page/",
    }
    if issue is not None:
        pages["series"] = f"/publications/{issue.series.slug}/"
        pages["issue"] = f"/publications/{issue.series.slug}/{issue.number}/"
    return pages
