import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.dateparse import parse_datetime

from articles.models import Article, Author, Authorship, Indication, Section, Status, Topic
from news.models import NewsItem

CONTENT = Path(__file__).resolve().parents[2] / "demo" / "content.json"


def translated(field, values):
    """{"ar": …, "en": …} → {"title_ar": …, "title_en": …}; lists of paragraphs are joined."""
    return {
        f"{field}_{code}": "\n\n".join(value) if isinstance(value, list) else value
        for code, value in values.items()
    }


def fields_of(item, names):
    result = {}
    for name in names:
        if name in item:
            result.update(translated(name, item[name]))
    return result


class Command(BaseCommand):
    help = (
        "Load the demo content: the reference analysis in Arabic and English, its author, "
        "a few topics and the center news. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        content = json.loads(CONTENT.read_text(encoding="utf-8"))
        created = []
        with transaction.atomic():
            for item in content["topics"]:
                _topic, new = Topic.objects.get_or_create(
                    slug=item["slug"], defaults=fields_of(item, ["name"])
                )
                created.append(new)
            for item in content["authors"]:
                _author, new = Author.objects.get_or_create(
                    slug=item["slug"],
                    defaults=fields_of(item, ["name", "honorific", "position", "bio"]),
                )
                created.append(new)
            for item in content["articles"]:
                created.append(self.load_article(item))
            for item in content["news"]:
                _news, new = NewsItem.objects.get_or_create(
                    headline_ar=item["headline"]["ar"],
                    defaults={
                        **fields_of(item, ["headline", "body"]),
                        "status": Status.PUBLISHED,
                        "published_at": parse_datetime(item["published_at"]),
                    },
                )
                created.append(new)
        count = sum(created)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content loaded: {count} new objects.")
            if count
            else "Demo content already loaded: nothing changed."
        )

    def load_article(self, item):
        article, new = Article.objects.get_or_create(
            slug=item["slug"],
            defaults={
                **fields_of(item, ["kicker", "title", "summary", "lead"]),
                **{f"language_published_{code}": True for code in item["title"]},
                "original_language": item["original_language"],
                "status": Status.PUBLISHED,
                "published_at": parse_datetime(item["published_at"]),
            },
        )
        if not new:
            return False
        for position, slug in enumerate(item["authors"]):
            Authorship.objects.create(
                article=article, author=Author.objects.get(slug=slug), position=position
            )
        article.topics.set(Topic.objects.filter(slug__in=item["topics"]))
        for section_position, section_item in enumerate(item["sections"]):
            section = Section.objects.create(
                article=article,
                position=section_position,
                **fields_of(section_item, ["heading", "body", "closing"]),
            )
            for point_position, point in enumerate(section_item.get("indications", [])):
                Indication.objects.create(
                    section=section, position=point_position, **fields_of(point, ["title", "body"])
                )
        return True
