"""
The demo periodical (manage.py load_demo): "اتجاهات آسيوية" / "Asian Trends", quarterly,
with its issue 3 (April–June 2026): a cover and a PDF drawn here with Pillow, an
editorial, and a table of contents with the reference analysis under the lead file and
three short pieces under the analyses and the commentary. The texts are in
demo_data/asian-trends.json beside this file. The seed's center-news line about the
issue (loaded by news' demo, before this one) then leads to the issue's page.

Running it again changes nothing: what exists (found by its slug, or the issue by its
series and number) is left as it is.
"""

import datetime
import io
import json
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime
from PIL import Image, ImageDraw, ImageFont, features

from articles import renditions
from articles.demo import load_article
from articles.models import Article, Author, Kind, Topic, paragraphs
from core.demo import fields_of
from core.models import Status
from news.models import NewsItem

from .labels import number_in_words, period_label
from .models import Issue, IssueEntry, Series

CONTENT = Path(__file__).resolve().parent / "demo_data" / "asian-trends.json"

# The seed's center-news line about the issue, as news/demo/content.json has it.
SEED_NEWS_HEADLINE = 'مركز المستقبل يتيح العدد الثالث من مجلة "اتجاهات آسيوية"'


def load():
    """Load what is not there yet; returns how many objects were made."""
    content = json.loads(CONTENT.read_text(encoding="utf-8"))
    made = 0
    for item in content["topics"]:
        _topic, new = Topic.objects.get_or_create(
            slug=item["slug"], defaults=fields_of(item, ["name"])
        )
        made += new
    for item in content["authors"]:
        _author, new = Author.objects.get_or_create(
            slug=item["slug"],
            defaults={
                **fields_of(item, ["name", "honorific", "position", "bio"]),
                "gender": item["gender"],
            },
        )
        made += new
    for item in content["articles"]:
        if load_article(item):
            made += 1
            # load_article gives every article the default kind (analyses).
            kind = Kind.objects.filter(slug=item["kind"]).first()
            if kind is not None:
                Article.objects.filter(slug=item["slug"]).update(kind=kind)
    series, new = Series.objects.get_or_create(
        slug=content["series"]["slug"], defaults=series_fields(content["series"])
    )
    made += new
    issue = Issue.objects.filter(series=series, number=content["issue"]["number"]).first()
    if issue is None:
        issue = load_issue(series, content["issue"])
        made += 1 + issue.entries.count()
    lead_to(issue)
    return made


def series_fields(item):
    return {
        **fields_of(item, ["name", "description"]),
        "series_type": item["series_type"],
        "frequency": item["frequency"],
        # No ISSN: the demo does not invent one.
        "issn": "",
        "languages": list(item["name"]),
    }


def load_issue(series, item):
    issue = Issue(
        series=series,
        number=item["number"],
        date=parse_date(item["date"]),
        date_end=parse_date(item["date_end"]),
        editorial=Article.objects.get(slug=item["editorial"]),
        status=Status.PUBLISHED,
        published_at=parse_datetime(item["published_at"]),
        **fields_of(item, ["theme", "summary", "cover_alt"]),
        **{f"language_published_{code}": True for code in item["theme"]},
    )
    slug = f"{series.slug}-{issue.number}"
    issue.cover = demo_file(issue, "cover", f"{slug}-cover.jpg", cover_image(issue))
    issue.pdf = demo_file(issue, "pdf", f"{slug}.pdf", issue_pdf(issue, item))
    # What an editor's upload must pass (a PDF that opens, an image of a decent size), and
    # the issue's constraints, checked as the admin would check them.
    issue.full_clean()
    issue.save()
    for position, entry in enumerate(item["contents"]):
        first_page, last_page = entry["pages"]
        IssueEntry.objects.create(
            issue=issue,
            position=position,
            article=Article.objects.get(slug=entry["article"]),
            first_page=first_page,
            last_page=last_page,
            **fields_of(entry, ["part"]),
        )
    return issue


def lead_to(issue):
    """The seed's center-news line about the issue leads to it."""
    item = NewsItem.objects.filter(headline_ar=SEED_NEWS_HEADLINE).first()
    if item is not None and item.subject != issue:
        item.subject = issue
        item.save(update_fields=["subject_type", "subject_id"])


def demo_file(issue, field_name, name, content):
    """
    The file for `issue`'s `field_name`: saved through the field when the issue is saved
    (so that a cover gets its renditions once the save commits), unless the media
    storage already holds these very bytes under its name, left by an earlier load into
    another database: that file is reused rather than copied again.
    """
    field = Issue._meta.get_field(field_name)
    stored_name = field.generate_filename(issue, name)
    storage = field.storage
    if storage.exists(stored_name):
        with storage.open(stored_name) as stored:
            if stored.read() == content:
                if field_name == "cover":
                    # Not a new upload, so the save does not make its renditions: made
                    # here once the load commits, as they would be for a new one.
                    transaction.on_commit(lambda: renditions.page_picture(issue.cover))
                return stored_name
    return ContentFile(content, name=name)


# Drawing the cover and the PDF. The text is drawn where a font can write it: Arabic
# needs a font with Arabic letters and Pillow's complex text layout (raqm) to join them
# right to left; without them the cover keeps its design and says its title in its alt
# text only.

FONT_FOLDERS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"]
# Fonts with Arabic letters, then fonts with Latin ones, by weight (bold for headings).
FONTS = {
    ("ar", True): ["NotoNaskhArabic-Bold.ttf", "NotoSansArabic-Bold.ttf", "DejaVuSans-Bold.ttf"],
    ("ar", False): ["NotoNaskhArabic-Regular.ttf", "NotoSansArabic-Regular.ttf", "DejaVuSans.ttf"],
    ("en", True): ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"],
    ("en", False): ["DejaVuSans.ttf", "LiberationSans-Regular.ttf"],
}

NAVY = (17, 45, 68)
TEAL = (46, 139, 140)
SAND = (222, 196, 140)
PAPER = (250, 248, 243)


def find_font(names):
    for name in names:
        for folder in FONT_FOLDERS:
            if folder.is_dir():
                found = next(folder.rglob(name), None)
                if found is not None:
                    return found
    return None


class Writer:
    """Text on an image in the language's direction, in the fonts found here (or none)."""

    def __init__(self):
        raqm = features.check("raqm")
        self.paths = {}
        for (language, bold), names in FONTS.items():
            found = find_font(names) if raqm or language != "ar" else None
            # A language without a regular font is written in its bold one.
            self.paths[language, bold] = found or self.paths.get((language, True))

    def can_write(self, language):
        return self.paths[language, True] is not None

    def font(self, language, size, bold):
        path = str(self.paths[language, bold])
        if language == "ar":
            return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.RAQM)
        return ImageFont.truetype(path, size)

    def options(self, language):
        return {"direction": "rtl", "language": "ar"} if language == "ar" else {}

    def write(self, draw, xy, text, language, size, fill, anchor="mm", bold=True):
        """Write `text` at `xy` (by default its middle); nothing without a font."""
        if self.can_write(language):
            font = self.font(language, size, bold)
            draw.text(xy, text, font=font, fill=fill, anchor=anchor, **self.options(language))

    def lines(self, draw, text, language, size, width, bold=True):
        """`text` cut into lines no wider than `width` pixels."""
        font = self.font(language, size, bold)
        lines, line = [], ""
        for word in text.split():
            attempt = f"{line} {word}".strip()
            if line and draw.textlength(attempt, font=font, **self.options(language)) > width:
                lines.append(line)
                line = word
            else:
                line = attempt
        return [*lines, line] if line else lines


def cover_image(issue):
    """The cover, as JPEG bytes: lines and stops like routes on a map, the series' name
    and the issue's number and period in both languages."""
    width, height = 900, 1260
    image = Image.new("RGB", (width, height), NAVY)
    draw = ImageDraw.Draw(image)
    # The routes: a few broken lines across the lower part, each stop a ring.
    routes = [
        [(60, 1010), (230, 880), (410, 930), (560, 760), (840, 700)],
        [(40, 760), (250, 700), (380, 820), (600, 860), (860, 980)],
        [(120, 1180), (300, 1040), (470, 1080), (650, 960), (820, 1120)],
    ]
    for color, route in zip((SAND, TEAL, PAPER), routes, strict=True):
        draw.line(route, fill=color, width=5, joint="curve")
        for x, y in route:
            draw.ellipse((x - 14, y - 14, x + 14, y + 14), outline=color, width=5, fill=NAVY)
    draw.rectangle((0, 0, width, 24), fill=SAND)
    draw.rectangle((60, 560, width - 60, 566), fill=TEAL)
    writer = Writer()
    name_ar, name_en = issue.series.name_ar, issue.series.name_en
    writer.write(draw, (width // 2, 200), name_ar, "ar", 108, PAPER)
    writer.write(draw, (width // 2, 340), name_en.upper(), "en", 64, SAND)
    number_ar = f"العدد {number_in_words(issue.number, 'ar')}"
    writer.write(
        draw, (width // 2, 460), f"{number_ar}  |  {period_label(issue, 'ar')}", "ar", 40, PAPER
    )
    writer.write(
        draw,
        (width // 2, 520),
        f"Issue {issue.number}  |  {period_label(issue, 'en')}",
        "en",
        32,
        PAPER,
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


# The PDF's pages: A4 at 100 dots per inch, in shades of grey but for the cover.
PAGE = (827, 1169)
# A fixed date in the PDF's properties, so that loading the demo again draws the same
# bytes (and finds the file already stored).
PDF_DATE = datetime.datetime(2026, 4, 5, 5, 0, tzinfo=datetime.UTC).timetuple()


def issue_pdf(issue, item):
    """The whole issue as a small PDF: its cover, its contents, and its editorial."""
    writer = Writer()
    cover = Image.open(io.BytesIO(cover_image(issue))).resize(PAGE)
    articles = {
        article.slug: article
        for article in Article.objects.filter(
            slug__in=[item["editorial"], *(entry["article"] for entry in item["contents"])]
        )
    }
    pages = [cover, contents_page(writer, item, articles)]
    editorial = articles[item["editorial"]]
    pages += [text_page(writer, editorial, code) for code in ("ar", "en") if writer.can_write(code)]
    buffer = io.BytesIO()
    first, *others = pages
    first.save(
        buffer,
        "PDF",
        save_all=True,
        append_images=others,
        resolution=100,
        title=f"{issue.series.name_en}, issue {issue.number}",
        creationDate=PDF_DATE,
        modDate=PDF_DATE,
    )
    return buffer.getvalue()


def blank_page():
    page = Image.new("L", PAGE, 255)
    return page, ImageDraw.Draw(page)


def contents_page(writer, item, articles):
    """The table of contents: each part, its articles and their pages, in each language
    a font can write (the Arabic on the right half, the English on the left)."""
    page, draw = blank_page()
    margin = 60
    column = PAGE[0] // 2 - margin - 20
    for code in ("ar", "en"):
        if not writer.can_write(code):
            continue
        edge, anchor = (PAGE[0] - margin, "ra") if code == "ar" else (margin, "la")
        y = margin
        writer.write(draw, (edge, y), CONTENTS[code], code, 40, 0, anchor)
        y += 90
        part = None
        for entry in item["contents"]:
            if entry["part"][code] != part:
                part = entry["part"][code]
                y += 20
                writer.write(draw, (edge, y), part, code, 26, 90, anchor)
                y += 44
            title = getattr(articles[entry["article"]], f"title_{code}")
            for line in writer.lines(draw, title, code, 20, column):
                writer.write(draw, (edge, y), line, code, 20, 0, anchor)
                y += 32
            pages = "–".join(str(number) for number in entry["pages"])
            writer.write(draw, (edge, y), PAGES[code] % pages, code, 18, 90, anchor, bold=False)
            y += 44
    return page


CONTENTS = {"ar": "المحتويات", "en": "Contents"}
PAGES = {"ar": "ص %s", "en": "pp. %s"}


def text_page(writer, article, code):
    """A page of the editorial in one language: its title and its lead."""
    page, draw = blank_page()
    margin = 80
    edge, anchor = (PAGE[0] - margin, "ra") if code == "ar" else (margin, "la")
    y, width = margin, PAGE[0] - 2 * margin
    for line in writer.lines(draw, getattr(article, f"title_{code}"), code, 36, width):
        writer.write(draw, (edge, y), line, code, 36, 0, anchor)
        y += 54
    y += 30
    for paragraph in paragraphs(getattr(article, f"lead_{code}")):
        for line in writer.lines(draw, paragraph, code, 22, width, bold=False):
            writer.write(draw, (edge, y), line, code, 22, 30, anchor, bold=False)
            y += 36
        y += 24
    return page
