"""A news item's image: checked at upload like article images, shown from renditions."""

import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import NewsItem
from tests.factories import make_news
from tests.helpers import html
from tests.images.helpers import new_news_form, stored_files
from tests.images.samples import image_file

ALT = {"ar": "غلاف العدد الجديد", "en": "Cover of the new issue"}
_fresh = itertools.count()


@pytest.fixture(autouse=True)
def _own_media(media_root):
    """Uploads and renditions go to the test's own folder (conftest.media_root)."""
    return media_root


def illustrated_news(**fields):
    return make_news(
        image=image_file(1600, 1000), image_alt_ar=ALT["ar"], image_alt_en=ALT["en"], **fields
    )


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_news_image_is_shown_from_renditions_with_alt_text(client, db, language):
    """Under the date: WebP and JPEG renditions, alt text in the page's language, never
    the upload itself."""
    item = illustrated_news()
    response = client.get(f"/{language}/news/{item.pk}/")
    page = html(response)
    figure = page.select_one(".news-item .article__date + figure.article__figure")
    assert figure is not None
    img = figure.select_one("picture > img")
    assert img["alt"] == ALT[language]
    assert figure.select_one("picture > source")["type"] == "image/webp"
    assert [int(width) for width in re.findall(r" (\d+)w", img["srcset"])] == [480, 800, 1200, 1600]
    assert img["src"].startswith("/media/renditions/")
    assert (img["width"], img["height"]) == ("1600", "1000")
    assert item.image.url not in response.content.decode()


def test_a_news_item_without_an_image_shows_no_figure(client, db):
    """No image, no empty figure."""
    page = html(client.get(f"/en/news/{make_news().pk}/"))
    assert page.select(".news-item figure, .news-item picture") == []


def test_an_editor_adds_an_image_with_alt_text_in_the_admin(client, staff_client, media_root):
    """Uploaded through the admin with both alt texts, the image is stored, its alt text
    saved, and readers see it once the item is published."""
    form = new_news_form(staff_client)
    form.fields["status"] = "published"
    form.fields["published_at_0"] = "2024-03-01"
    form.fields["published_at_1"] = "09:00:00"
    assert form.submit(image_file(900, 600), alt=(ALT["ar"], ALT["en"])).status_code == 302
    item = NewsItem.objects.get()
    assert item.image.name in stored_files(media_root)
    assert (item.image_alt_ar, item.image_alt_en) == (ALT["ar"], ALT["en"])
    img = html(client.get(f"/ar/news/{item.pk}/")).select_one(".news-item picture img")
    assert img["alt"] == ALT["ar"]


def queries_of(client, path):
    """The queries of the page made afresh (a new address: not from the reader cache),
    with the values pages share already remembered, as on a running site."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{path}?fresh={next(_fresh)}")
    assert response.status_code == 200
    return len(queries)


def test_the_image_costs_the_news_page_no_query(client, db, django_assert_max_num_queries):
    """Once its renditions are made, a news item with an image costs what one without
    costs: the renditions are found in the cache, not the database."""
    plain = make_news()
    illustrated = illustrated_news()
    for item in (plain, illustrated):
        client.get(f"/en/news/{item.pk}/")  # renditions made, center news remembered
    assert queries_of(client, f"/en/news/{illustrated.pk}/") == queries_of(
        client, f"/en/news/{plain.pk}/"
    )
    with django_assert_max_num_queries(1):
        client.get(f"/ar/news/{illustrated.pk}/?fresh={next(_fresh)}")
