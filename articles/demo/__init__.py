"""The demo analyses (manage.py load_demo): the reference analysis in Arabic and English,
its author and a few topics, from content.json beside this file."""

import json
from pathlib import Path

from django.utils.dateparse import parse_datetime

from core.demo import fields_of
from core.models import Status

from ..models import Article, Author, Authorship, Indication, Section, Topic

CONTENT = Path(__file__).resolve().parent / "content.json"


def load():
    """Load what is not there yet; returns how many objects were made."""
    content = json.loads(CONTENT.read_text(encoding="utf-8"))
    created = []
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
    created += [load_article(item) for item in content["articles"]]
    return sum(created)


def load_article(item):
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
        for position, indication in enumerate(section_item.get("indications", [])):
            Indication.objects.create(
                section=section, position=position, **fields_of(indication, ["title", "body"])
            )
    return True
