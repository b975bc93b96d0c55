import json

import pytest

from tests.factories import make_article, make_author
from tests.helpers import html


@pytest.fixture
def article(db):
    author = make_author(name_en="Ibrahim Fawzy", name_ar="إبراهيم فوزي")
    return make_article(
        sections=1, points=2, authors=[author], summary_en="A summary.", summary_ar="ملخص."
    )


@pytest.mark.parametrize("language", ["ar", "en"])
def test_article_page_carries_what_search_engines_and_social_networks_read(
    client, article, language
):
    page = html(client.get(article.url_in(language)))
    title = getattr(article, f"title_{language}")
    assert page.title.get_text().startswith(title)
    assert page.find("meta", attrs={"name": "description"})["content"] == getattr(
        article, f"summary_{language}"
    )
    assert (
        page.find("link", rel="canonical")["href"] == f"http://testserver{article.url_in(language)}"
    )
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", hreflang=True)}
    assert alternates == {code: f"http://testserver{article.url_in(code)}" for code in ("ar", "en")}
    assert page.find("meta", property="og:title")["content"] == title
    assert page.find("meta", property="og:type")["content"] == "article"
    assert page.find("meta", attrs={"name": "twitter:card"})
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Article"
    assert data["headline"] == title
    assert data["inLanguage"] == language
    assert data["author"][0]["name"] == getattr(article.authors.get(), f"name_{language}")
    assert data["datePublished"].startswith(article.published_at.date().isoformat()[:4])


def test_hreflang_names_only_languages_the_article_is_published_in(client, db):
    arabic_only = make_article(languages=("ar",))
    page = html(client.get(arabic_only.url_in("ar")))
    assert [link["hreflang"] for link in page.find_all("link", hreflang=True)] == ["ar"]


def test_structured_data_cannot_break_out_of_its_script(client, db):
    article = make_article(title_en="</script><script>alert(1)</script>")
    raw = client.get(article.url_in("en")).content.decode()
    assert "<script>alert(1)" not in raw


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Ibrahim Fawzy. “{title}.” Future for Advanced Research and Studies, "),
        ("ar", "إبراهيم فوزي، «{title}»، مركز المستقبل للأبحاث والدراسات المتقدمة، "),
    ],
)
def test_cite_this_gives_a_reference_in_the_page_language(client, article, language, expected):
    page = html(client.get(article.url_in(language)))
    text = page.select_one(".citation__text").get_text()
    assert text.startswith(expected.format(title=getattr(article, f"title_{language}")))
    assert text.endswith(f"http://testserver{article.url_in(language)}")


def test_bibtex_and_ris_downloads(client, article):
    bibtex = client.get(f"/en/articles/{article.slug}/cite.bib")
    assert bibtex["Content-Type"].startswith("application/x-bibtex")
    body = bibtex.content.decode()
    assert body.startswith(f"@misc{{{article.slug}-{article.published_at.year},")
    assert "author = {Ibrahim Fawzy}" in body
    assert f"title = {{{{{article.title_en}}}}}" in body
    ris = client.get(f"/ar/articles/{article.slug}/cite.ris").content.decode()
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - RPRT"
    assert "AU  - إبراهيم فوزي" in lines
    assert f"TI  - {article.title_ar}" in lines
    assert lines[-2] == "ER  - "


def test_bibtex_escapes_special_characters(client, db):
    article = make_article(title_en="Costs & {benefits} at 50% of $GDP")
    body = client.get(f"/en/articles/{article.slug}/cite.bib").content.decode()
    assert r"Costs \& \{benefits\} at 50\% of \$GDP" in body


def test_each_numbered_point_has_a_stable_anchor(client, article):
    page = html(client.get(article.url_in("en")))
    points = page.select("ol.indications > li")
    assert [p["id"] for p in points] == ["point-1-1", "point-1-2"]
    assert points[1].select_one("a.indication__number")["href"] == "#point-1-2"


def test_link_previews_use_a_rendition_of_the_image_never_the_upload(client, db, media_root):
    from django.core.files.base import ContentFile

    from tests.images.samples import image_file

    article = make_article(image_alt_en="A map", image_alt_ar="خريطة")
    upload = image_file(2000, 1000)
    article.image.save("map.jpg", ContentFile(upload.read()))
    page = html(client.get(article.url_in("en")))
    image = page.find("meta", property="og:image")["content"]
    assert image.startswith("http://testserver/media/renditions/")
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["image"] == image
