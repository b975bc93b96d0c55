import re

import PIL.Image
import pytest
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage

from tests.factories import make_article
from tests.helpers import html
from tests.images.helpers import stored_files

from .samples import image_file

ALT = {"ar": "المشاركون في المؤتمر", "en": "Delegates at the conference"}
CAPTION = {"ar": "افتتاح المؤتمر", "en": "The conference opens"}


def illustrated_article(upload=None):
    return make_article(
        image=upload or image_file(2000, 1000),
        image_alt_ar=ALT["ar"],
        image_alt_en=ALT["en"],
        image_caption_ar=CAPTION["ar"],
        image_caption_en=CAPTION["en"],
        image_credit="Reuters",
    )


def srcset_widths(srcset):
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


def srcset_urls(srcset):
    return [candidate.split()[0] for candidate in srcset.split(",")]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_article_image_is_shown_from_renditions_under_the_header(client, db, language):
    """The figure sits between header and lead: WebP and JPEG renditions in four widths,
    alt text and caption in the page's language, the credit isolated in its own direction."""
    article = illustrated_article()
    page = html(client.get(article.url_in(language)))

    figure = page.select_one(".article__header + figure.article__figure")
    assert figure is not None
    assert figure.find_next_sibling()["class"] == ["article__lead"]
    source = figure.select_one("picture > source")
    img = figure.select_one("picture > img")
    assert source["type"] == "image/webp"
    assert srcset_widths(source["srcset"]) == [480, 800, 1200, 1600]
    assert srcset_widths(img["srcset"]) == [480, 800, 1200, 1600]
    assert all(url.endswith(".webp") for url in srcset_urls(source["srcset"]))
    assert all(url.endswith(".jpg") for url in srcset_urls(img["srcset"]))
    assert all(url.startswith("/media/renditions/") for url in srcset_urls(img["srcset"]))
    assert (img["width"], img["height"]) == ("1600", "800")
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    assert source["sizes"] == img["sizes"]
    assert img["alt"] == ALT[language]
    assert figure.select_one(".article__caption").get_text() == CAPTION[language]
    assert figure.select_one(".article__credit bdi").get_text() == "Reuters"


def test_the_page_never_links_to_the_upload_itself(client, db):
    """Readers get renditions only: the original upload's address is nowhere on the page."""
    article = illustrated_article()
    content = client.get(article.url_in("en")).content.decode()
    assert "<picture>" in content
    assert article.image.url not in content
    assert article.image.name.rsplit("/", 1)[1] not in content


def test_a_small_image_is_never_upscaled(client, db):
    """A 600-pixel PNG gets renditions of 480 and 600 pixels, none blown up; PNG stays PNG."""
    article = illustrated_article(image_file(600, 400, "PNG"))
    img = html(client.get(article.url_in("en"))).select_one(".article__figure img")
    assert srcset_widths(img["srcset"]) == [480, 600]
    assert all(url.endswith(".png") for url in srcset_urls(img["srcset"]))
    assert (img["width"], img["height"]) == ("600", "400")


def test_an_article_without_an_image_has_no_figure(client, db):
    """No image, no empty figure."""
    page = html(client.get(make_article().url_in("en")))
    assert page.select(".article__figure") == []


def test_renditions_are_made_once_and_reused(client, db, media_root, monkeypatch):
    """After the first render, pages do no image work and no storage access, even on a
    server whose cache is empty: the renditions are remembered in the database."""
    article = illustrated_article()
    first = client.get(article.url_in("en"))
    renditions = [name for name in stored_files(media_root) if name.startswith("renditions/")]
    assert len(renditions) == 8
    written = {name: (media_root / name).stat().st_mtime_ns for name in renditions}

    work = []
    real_open = PIL.Image.open

    def counting_open(*args, **kwargs):
        work.append("PIL.Image.open")
        return real_open(*args, **kwargs)

    monkeypatch.setattr(PIL.Image, "open", counting_open)
    for method in ("open", "save", "exists", "listdir", "size", "delete"):
        real = getattr(FileSystemStorage, method)

        def counting(self, *args, _real=real, _method=method, **kwargs):
            work.append(f"storage.{_method}")
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(FileSystemStorage, method, counting)

    assert client.get(article.url_in("en")).content == first.content
    arabic = html(client.get(article.url_in("ar"))).select_one(".article__figure img")
    assert arabic["srcset"] == html(first).select_one(".article__figure img")["srcset"]
    cache.clear()  # a server that has not seen the image yet
    assert client.get(article.url_in("en")).content == first.content
    assert work == []
    assert {name: (media_root / name).stat().st_mtime_ns for name in renditions} == written
