"""The demo center news (manage.py load_demo): the reference page's five items, from
content.json beside this file."""

import json
from pathlib import Path

from django.utils.dateparse import parse_datetime

from core.demo import fields_of
from core.models import Status

from ..models import NewsItem

CONTENT = Path(__file__).resolve().parent / "content.json"


def load():
    """Load what is not there yet; returns how many items were made."""
    content = json.loads(CONTENT.read_text(encoding="utf-8"))
    created = 0
    for item in content["news"]:
        _item, new = NewsItem.objects.get_or_create(
            headline_ar=item["headline"]["ar"],
            defaults={
                **fields_of(item, ["headline", "body"]),
                "status": Status.PUBLISHED,
                "published_at": parse_datetime(item["published_at"]),
            },
        )
        created += new
    return created
