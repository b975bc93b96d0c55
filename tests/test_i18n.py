import pytest

from tests.helpers import html


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [("en-GB,en;q=0.9", "/en/"), ("ar-AE,ar;q=0.9", "/ar/"), ("fr-FR", "/ar/"), ("", "/ar/")],
)
def test_root_sends_readers_to_their_language(client, db, accept_language, target):
    """ "/" redirects to the reader's language, Arabic when the browser asks for neither."""
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    ("language", "direction", "heading", "skip_link"),
    [("ar", "rtl", "التحليلات", "انتقل إلى المحتوى"), ("en", "ltr", "Analyses", "Skip to content")],
)
def test_pages_carry_language_direction_and_translated_interface(
    client, db, language, direction, heading, skip_link
):
    page = html(client.get(f"/{language}/articles/"))
    assert page.html["lang"] == language
    assert page.html["dir"] == direction
    assert page.h1.get_text() == heading
    assert page.select_one(".skip-link").get_text() == skip_link


@pytest.mark.parametrize(("language", "title"), [("ar", "أخبار المركز"), ("en", "Center News")])
def test_center_news_title_is_translated(client, demo, language, title):
    page = html(client.get(demo.url_in(language)))
    assert page.select_one("#center-news-title").get_text() == title


@pytest.mark.parametrize("language", ["ar", "en"])
def test_unknown_path_is_a_404_in_the_page_language(client, db, language):
    response = client.get(f"/{language}/no/such/page/")
    assert response.status_code == 404
    assert html(response).html["lang"] == language
