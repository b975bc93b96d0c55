import json
import shutil
import subprocess

import pytest

from articles.models import Topic
from news.models import NewsItem
from tests.checkers import VNU_JAR, reader_pages, require


def test_every_page_type_is_valid_html_in_both_languages(client, demo, tmp_path):
    """The Nu HTML Checker (vnu) finds no error on any page type, Arabic or English."""
    jar = require(VNU_JAR)
    java = shutil.which("java") or pytest.fail(
        "The Nu HTML Checker needs Java (apt-get install default-jre-headless)."
    )
    pages = reader_pages(
        demo, Topic.objects.first(), demo.authors.first(), NewsItem.objects.first()
    )
    files = []
    for language in ("ar", "en"):
        for name, path in pages.items():
            response = client.get(f"/{language}{path}")
            assert response.status_code in (200, 404), (language, path)
            page = tmp_path / f"{language}-{name}.html"
            page.write_bytes(response.content)
            files.append(str(page))
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []
