import io

from django.core.management import call_command
from django.forms.models import model_to_dict
from django.utils.translation import override

from articles.models import Article, Author, Indication, Section, Topic
from news.models import NewsItem
from publications.models import Issue, IssueEntry, Series
from tests.helpers import html
from tests.seed import REFERENCE_SLUG, article_lines

MODELS = [Article, Author, Topic, Section, Indication, NewsItem, Series, Issue, IssueEntry]


def snapshot():
    """Every row of the demo's models, with what model_to_dict leaves out: when each was
    last changed, and where each news item leads."""
    return {
        model.__name__: [
            {
                **model_to_dict(obj),
                "updated_at": getattr(obj, "updated_at", None),
                "subject": (
                    getattr(obj, "subject_type_id", None),
                    getattr(obj, "subject_id", None),
                ),
            }
            for obj in model.objects.order_by("pk")
        ]
        for model in MODELS
    }


def test_load_demo_twice_changes_nothing(db, media_root):
    """The second run makes nothing, changes nothing and says so; the issue's cover and
    PDF are not stored twice."""
    call_command("load_demo", stdout=io.StringIO())
    first = snapshot()
    files = sorted(path for path in (media_root / "issues").rglob("*") if path.is_file())
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert snapshot() == first
    assert sorted(path for path in (media_root / "issues").rglob("*") if path.is_file()) == files
    assert "nothing changed" in output.getvalue()
    assert Article.objects.filter(slug=REFERENCE_SLUG).exists()


@override("en")
def test_demo_article_has_the_reference_structure(demo):
    """Kicker, title, date, two lead paragraphs, three sections, four points, a closing."""
    lines, _date_index = article_lines()
    assert demo.kicker_en == "Overlapping Goals"
    assert demo.title_en == "Why AQIM is Interested in Syria"
    assert demo.published_at.date().isoformat() == "2018-04-04"
    assert demo.lead_paragraphs() == lines[3:5]
    sections = list(demo.sections.all())
    assert [s.heading_en for s in sections] == [
        "Continued Escalation",
        "Significant Timing",
        "Various Indications",
    ]
    assert [len(s.body_paragraphs()) for s in sections] == [3, 2, 1]
    points = list(sections[2].indications.all())
    assert [p.title_en for p in points] == [
        "Defying International Efforts.",
        "Sending out Implicit Messages",
        "Reducing Pressure.",
        "Supporting al-Qaeda’s Survival in Syria",
    ]
    assert [len(p.body_paragraphs()) for p in points] == [2, 1, 2, 1]
    assert sections[2].closing_paragraphs() == [lines[-1]]
    assert "\u00a0" not in "".join(str(v) for v in model_to_dict(demo).values())


def test_demo_has_arabic_versions_and_the_seed_center_news(demo):
    assert demo.is_available_in("ar")
    for section in demo.sections.all():
        assert section.heading_ar
        for point in section.indications.all():
            assert point.title_ar and point.body_ar
    authors = list(demo.authors.all())
    assert authors
    assert all(author.name_ar and author.name_en for author in authors)
    assert Topic.objects.count() >= 3
    headlines = list(NewsItem.objects.values_list("headline_ar", flat=True))
    assert headlines[0] == "معالي نبيل فهمي يكتب: (فرصة ترامب لتحديد مستقبل الشرق الأوسط)"
    assert len(headlines) == 5
    assert all(NewsItem.objects.values_list("headline_en", flat=True))


def test_the_demo_news_about_asian_trends_leads_to_its_issue_3(client, media_root, demo):
    """The seed's third center-news line leads, in each language, to the page of issue 3
    of the demo periodical, which opens in that language's direction."""
    issue = Issue.objects.get(series__slug="asian-trends", number=3)
    for language, direction in (("ar", "rtl"), ("en", "ltr")):
        links = html(client.get(f"/{language}/")).select(".center-news a")
        assert [a["href"] for a in links].index(issue.url_in(language)) == 2
        page = client.get(issue.url_in(language))
        assert page.status_code == 200
        assert html(page).html["dir"] == direction
