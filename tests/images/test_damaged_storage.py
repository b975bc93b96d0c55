"""
An image that was accepted and later damaged or lost in the storage (a copy cut short, a
file deleted by hand) costs its picture, never a page or a save: pages show the content
without it, saves go through, and a warning names the file to upload again.
"""

import logging

import pytest
from django.db import transaction

from articles.models import Article, Author
from news.models import NewsItem
from tests.admin_forms import form_data, save
from tests.factories import make_article, make_author, make_news
from tests.helpers import html
from tests.images.helpers import forget_renditions

from .samples import cut_short, photograph, truncated_jpeg

ALT = {"image_alt_ar": "صورة", "image_alt_en": "A picture"}


def damage(media_root, file, how):
    path = media_root / file.name
    if how == "truncated":
        path.write_bytes(cut_short(path.read_bytes()))
    else:
        path.unlink()


@pytest.fixture(params=["truncated", "deleted"])
def damaged(request, db, media_root):
    """An author, their article and its news item, each with an image since damaged, on a
    server that has no renditions of them yet."""
    author = make_author(photo=photograph(), photo_alt_ar="صورة", photo_alt_en="Portrait")
    article = make_article(authors=[author], image=photograph(), **ALT)
    item = make_news(article=article, image=photograph(), **ALT)
    for file in (author.photo, article.image, item.image):
        damage(media_root, file, request.param)
    forget_renditions(media_root)
    return {"author": author, "article": article, "item": item}


def warned_about(caplog, *files):
    """Each file is named in a warning of the renditions' logger, and nothing crashed."""
    warnings = [r.getMessage() for r in caplog.records if r.name == "articles.renditions"]
    assert all(any(file.name in warning for warning in warnings) for file in files), warnings
    assert not [r for r in caplog.records if r.name == "django.request"]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_reader_pages_show_the_content_without_the_damaged_image(client, damaged, language, caplog):
    """Home, article, author and news pages answer 200, with their text and no picture."""
    article, author, item = damaged["article"], damaged["author"], damaged["item"]
    title = getattr(article, f"title_{language}")
    headline = getattr(item, f"headline_{language}")
    pages = {
        f"/{language}/": title,
        article.url_in(language): title,
        f"/{language}/authors/{author.slug}/": title,
        f"/{language}/news/{item.pk}/": headline,
        f"/{language}/news/": headline,
    }
    with caplog.at_level(logging.WARNING):
        for url, text in pages.items():
            response = client.get(url)
            assert response.status_code == 200, url
            page = html(response)
            assert page.select("picture, figure") == [], url
            assert text in page.get_text(), url
    assert html(client.get(article.url_in(language))).select('meta[property="og:image"]') == []
    warned_about(caplog, article.image, author.photo, item.image)


def change_page_save(client, url, form_id, changes):
    data = form_data(client.get(url), form_id)
    data.update(changes)
    data["_save"] = "Save"
    return client.post(url, data)


def test_staff_still_preview_and_save_what_has_a_damaged_image(staff_client, damaged):
    """The preview shows the article without its image; each change form saves the edit."""
    article, author, item = damaged["article"], damaged["author"], damaged["item"]
    Article.objects.filter(pk=article.pk).update(status="draft")
    assert staff_client.get(article.url_in("en")).status_code == 200
    assert save(staff_client, article, {"title_en": "Edited title"}).status_code == 302
    author_url = f"/en/admin/articles/author/{author.pk}/change/"
    response = change_page_save(staff_client, author_url, "author_form", {"name_en": "Edited"})
    assert response.status_code == 302
    news_url = f"/en/admin/news/newsitem/{item.pk}/change/"
    response = change_page_save(
        staff_client, news_url, "newsitem_form", {"headline_en": "Edited headline"}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    author.refresh_from_db()
    item.refresh_from_db()
    assert (article.title_en, author.name_en, item.headline_en) == (
        "Edited title",
        "Edited",
        "Edited headline",
    )
    # The images stay theirs, for an editor to replace.
    assert (article.image, author.photo, item.image) == (
        damaged["article"].image,
        damaged["author"].photo,
        damaged["item"].image,
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Article, {"slug": "imported", "title_en": "Imported", "image": "image"}),
        (Author, {"slug": "imported", "name_en": "Imported", "photo": "photo"}),
        (NewsItem, {"headline_en": "Imported", "image": "image"}),
    ],
)
def test_renditions_failing_at_commit_are_logged_not_raised(media_root, caplog, model, fields):
    """A damaged image saved without the form's checks (an import, the shell): its
    renditions fail when the save commits. The failure is logged as a warning, and
    reporting it does not raise (Django's report of a failing on_commit() callback crashed
    on a functools.partial), so the save stands."""
    image_field = next(name for name, value in fields.items() if value in {"image", "photo"})
    values = {**fields, image_field: truncated_jpeg()}
    with caplog.at_level(logging.WARNING), transaction.atomic():
        saved = model.objects.create(**values)
    assert model.objects.filter(pk=saved.pk).exists()
    warned_about(caplog, getattr(saved, image_field))
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]
