"""Helpers of the image tests: the media storage, and the admin forms that take an image."""

import shutil
from dataclasses import dataclass

from django.core.cache import cache
from sorl.thumbnail import default as sorl

from articles.models import Article, Author
from news.models import NewsItem
from tests.admin_forms import change_url, form_data


def forget_renditions(root):
    """As on a server that never made the renditions: none stored, none remembered."""
    shutil.rmtree(root / "renditions", ignore_errors=True)
    sorl.kvstore.clear()
    cache.clear()


def stored_files(root):
    """What is in the media storage, as paths relative to it."""
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def saved_state():
    """What the database holds about images: compared before and after a refused upload."""
    return (
        list(Article.objects.values_list("pk", "image", "image_alt_en", "edit_version")),
        list(Author.objects.values_list("pk", "photo", "photo_alt_en")),
        list(NewsItem.objects.values_list("pk", "image", "image_alt_en")),
    )


@dataclass
class AdminForm:
    """One admin form an image is uploaded through, filled in as a browser would."""

    client: object
    url: str
    form_id: str
    image_field: str
    alt_field: str
    fields: dict
    model: type

    def submit(self, image, alt=("صورة الاجتماع", "The meeting"), language="en"):
        url = self.url.replace("/en/", f"/{language}/", 1)
        data = form_data(self.client.get(url), self.form_id)
        data.update(self.fields)
        data[self.image_field] = image
        for code, text in zip(("ar", "en"), alt, strict=True):
            data[f"{self.alt_field}_{code}"] = text
        data["_save"] = "Save"
        return self.client.post(url, data)


def new_article_form(client):
    return AdminForm(
        client,
        "/en/admin/articles/article/add/",
        "article_form",
        "image",
        "image_alt",
        {"slug": "new-analysis", "title_ar": "تحليل", "title_en": "An analysis"},
        Article,
    )


def article_form(client, article):
    return AdminForm(client, change_url(article), "article_form", "image", "image_alt", {}, Article)


def new_author_form(client):
    return AdminForm(
        client,
        "/en/admin/articles/author/add/",
        "author_form",
        "photo",
        "photo_alt",
        {"slug": "new-author", "name_ar": "كاتب", "name_en": "A writer"},
        Author,
    )


def new_news_form(client):
    return AdminForm(
        client,
        "/en/admin/news/newsitem/add/",
        "newsitem_form",
        "image",
        "image_alt",
        {"headline_ar": "صدر العدد الجديد", "headline_en": "The new issue is out"},
        NewsItem,
    )
