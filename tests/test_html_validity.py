from articles.models import Topic
from news.models import NewsItem
from publications.models import Issue
from tests.checkers import nu_errors, reader_pages


def test_every_page_type_is_valid_html_in_both_languages(client, demo, tmp_path):
    """The Nu HTML Checker (vnu) finds no error on any page type, Arabic or English."""
    pages = reader_pages(
        demo,
        Topic.objects.first(),
        demo.authors.first(),
        NewsItem.objects.first(),
        issue=Issue.objects.get(number=3),
    )
    contents = {}
    for language in ("ar", "en"):
        for name, path in pages.items():
            response = client.get(f"/{language}{path}")
            assert response.status_code in (200, 404), (language, path)
            contents[f"{language}-{name}"] = response.content
    assert nu_errors(contents, tmp_path) == []
