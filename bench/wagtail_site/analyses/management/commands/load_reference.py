"""
Publish the reference article (why-aqim-is-interested-in-syria, in English) as a Wagtail
page, with its author, topics and the center news, from our demo content file.

    manage.py load_reference path/to/articles/demo/content.json

Running it again changes nothing.
"""

import datetime
import json
from html import escape
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from analyses.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePageAuthor,
    Author,
    NewsIndexPage,
    NewsPage,
)

LANGUAGE = "en"


def text(value):
    return value[LANGUAGE] if isinstance(value, dict) else value


def paragraphs(value):
    value = text(value)
    return value if isinstance(value, list) else [value] if value else []


def rich(items):
    return "".join(f"<p>{escape(item)}</p>" for item in items)


def body_of(article):
    """Headings and paragraphs, a numbered point as a paragraph opening with its number
    and lead phrase in bold, as an editor would type it into a rich text block."""
    blocks = []
    for section in article["sections"]:
        blocks.append(("heading", text(section["heading"])))
        blocks += [("paragraph", rich([item])) for item in paragraphs(section["body"])]
        for number, point in enumerate(section.get("indications", []), start=1):
            first, *rest = paragraphs(point["body"])
            title = escape(f"{number}- {text(point['title'])}")
            blocks.append(("paragraph", f"<p><b>{title}</b> {escape(first)}</p>"))
            blocks += [("paragraph", rich([item])) for item in rest]
        blocks += [("paragraph", rich([item])) for item in paragraphs(section.get("closing"))]
    return blocks


class Command(BaseCommand):
    help = "Publish the reference article, its author, topics and the center news."

    def add_arguments(self, parser):
        parser.add_argument("content", type=Path)

    @transaction.atomic
    def handle(self, *args, content, **options):
        data = json.loads(content.read_text(encoding="utf-8"))
        article = data["articles"][0]
        if ArticlePage.objects.filter(slug=article["slug"]).exists():
            self.stdout.write("The reference article is already there.")
            return
        home = Site.objects.get(is_default_site=True).root_page
        index = home.add_child(instance=ArticleIndexPage(title="Analyses", slug="articles"))
        news_index = home.add_child(instance=NewsIndexPage(title="News", slug="news"))
        for page in (index, news_index):
            page.show_in_menus = True
            page.save_revision().publish()
        author_item = data["authors"][0]
        author = Author.objects.create(
            name=text(author_item["name"]),
            honorific=text(author_item["honorific"]),
            position=text(author_item["position"]),
        )
        page = ArticlePage(
            title=text(article["title"]),
            slug=article["slug"],
            kicker=text(article["kicker"]),
            search_description=text(article["summary"]),
            date_published=datetime.date.fromisoformat(article["published_at"][:10]),
            lead=rich(paragraphs(article["lead"])),
            body=body_of(article),
        )
        page.article_authors = [ArticlePageAuthor(author=author)]
        topics = {item["slug"]: text(item["name"]) for item in data["topics"]}
        page.tags.add(*(topics[slug] for slug in article["topics"]))
        index.add_child(instance=page)
        page.save_revision().publish()
        for number, item in enumerate(data["news"], start=1):
            news = NewsPage(
                title=text(item["headline"]),
                slug=f"news-{number}",
                date=datetime.date.fromisoformat(item["published_at"][:10]),
            )
            news_index.add_child(instance=news)
            news.save_revision().publish()
        self.stdout.write(f"Published {page.url_path}")
