import io

from django.core.management import call_command
from django.forms.models import model_to_dict
from django.utils.translation import override

from articles.models import Article, Author, Indication, Section, Topic
from news.models import NewsItem
from tests.seed import article_lines


def snapshot():
    models = [Article, Author, Topic, Section, Indication, NewsItem]
    return {model.__name__: [model_to_dict(obj) for obj in model.objects.all()] for model in models}


def test_load_demo_twice_changes_nothing(db):
    call_command("load_demo", stdout=io.StringIO())
    first = snapshot()
    updated = Article.objects.get().updated_at
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert snapshot() == first
    assert Article.objects.get().updated_at == updated
    assert "nothing changed" in output.getvalue()


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
