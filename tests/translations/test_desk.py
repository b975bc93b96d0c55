"""
The translation desk: each document with its state in each language, newest first,
filtered, each cell a link to the work; only for translators and editors; the same
queries however many articles; and the home page's panel of translations out of date.
"""

import datetime

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from accounts.roles import ADMINISTRATORS, AUTHORS, EDITORS, TRANSLATORS
from articles.models import Article, Authorship, Kind, Section, Topic
from tests.admin_forms import change_url, form_data
from tests.checkers import nu_errors
from tests.factories import committed, make_article, make_author, make_news
from tests.helpers import html

DESK = "/{language}/admin/translations/"


def desk_url(admin="en", **query):
    """The desk in the admin of language `admin`, with `query`."""
    from urllib.parse import urlencode

    return DESK.format(language=admin) + (f"?{urlencode(query)}" if query else "")


def read_desk(client, admin="en", **query):
    """{title: {language: (state, the cell's text, its link)}} of the desk, in its order."""
    response = client.get(desk_url(admin, **query))
    assert response.status_code == 200
    rows = {}
    for row in html(response).select("#translation-desk tbody tr"):
        cells = {}
        for cell in row.select("td[data-language]"):
            link = cell.select_one("a")
            cells[cell["data-language"]] = (
                cell["data-state"],
                cell.get_text(" ", strip=True),
                link["href"] if link else None,
            )
        rows[row.th.get_text(strip=True)] = cells
    return rows


def dated(article, days_ago):
    """Give `article` (and its state rows) a last change `days_ago` days back."""
    from translations import state

    moment = timezone.now() - datetime.timedelta(days=days_ago)
    Article.objects.filter(pk=article.pk).update(updated_at=moment)
    state.refresh(Article, [article.pk])
    return article


def corrected(article, language="ar", text="فقرة أعاد المحرر كتابتها."):
    """Change the first section's text in `language`, committed (as a save would be)."""
    section = article.sections.order_by("position").first()
    with committed():
        setattr(section, f"body_{language}", text)
        section.save()
    return section


@pytest.fixture
def translator(make_staff, login):
    return login(make_staff(TRANSLATORS))


@pytest.fixture
def editor(make_staff, login):
    return login(make_staff(EDITORS))


# What the desk lists


@pytest.mark.django_db
def test_the_demo_article_is_out_of_date_after_an_editor_corrects_one_paragraph(demo, editor):
    """The issue's case: complete in both languages; one paragraph of the original changed
    through the change form makes the other language out of date by one part."""
    original = demo.original_language
    other = next(code for code in ("ar", "en") if code != original)
    title = demo.title_en
    before = read_desk(editor)[title]
    assert before[original][0] == before[other][0] == "complete"

    with TestCase.captureOnCommitCallbacks(execute=True):
        data = form_data(editor.get(change_url(demo)), "article_form")
        field = f"sections-0-body_{original}"
        added = "جملة أضافها المحرر." if original == "ar" else "A sentence the editor added."
        data[field] = f"{data[field]} {added}"
        assert editor.post(change_url(demo), {**data, "_save": "Save"}).status_code == 302

    after = read_desk(editor)[title]
    state, text, link = after[other]
    assert state == "out-of-date"
    assert "Out of date" in text and "1 part out of date" in text
    assert link == reverse(
        "admin:translations_translate", args=["articles", "article", demo.pk, other]
    )
    # The original's own cell opens its change page.
    assert after[original][0] == "complete"
    assert after[original][2] == f"/en/admin/articles/article/{demo.pk}/change/"
    assert title in read_desk(editor, state="out-of-date")


@pytest.mark.django_db
def test_missing_parts_are_counted(translator):
    """An article in Arabic only misses every part in English; a section added in Arabic
    to a complete one misses its heading and text."""
    arabic = make_article(sections=1, points=1, languages=("ar",), original_language="ar")
    both = make_article(sections=1, original_language="ar")
    with committed():
        Section.objects.create(article=both, position=1, heading_ar="عنوان", body_ar="نص.")
    found = read_desk(translator)
    state, text, _link = found[arabic.title_ar]["en"]
    assert state == "missing" and "6 parts missing" in text
    state, text, _link = found[both.title_en]["en"]
    assert state == "missing" and "2 parts missing" in text
    assert found[both.title_en]["ar"][0] == "complete"


@pytest.mark.django_db
def test_newest_first_and_paged(translator):
    """The most recently changed document first; 50 a page, the next page after."""
    old = dated(make_article(title_en="Old"), days_ago=30)
    new = dated(make_article(title_en="New"), days_ago=1)
    middle = dated(make_article(title_en="Middle"), days_ago=10)
    assert list(read_desk(translator)) == [new.title_en, middle.title_en, old.title_en]

    for number in range(48):
        dated(make_article(title_en=f"Filler {number}"), days_ago=20)
    first = read_desk(translator)
    assert len(first) == 50 and old.title_en not in first
    assert list(read_desk(translator, p=2)) == [old.title_en]


@pytest.mark.django_db
@pytest.mark.parametrize("merged_up_to", [5000, 0])
def test_documents_in_different_states_and_languages_are_merged_newest_first(
    translator, monkeypatch, merged_up_to
):
    """Newest first across states and languages, each document once: near the top of the
    list (the index's ranges merged) and deep in it (every row sorted)."""
    from translations.desk_views import Listing

    monkeypatch.setattr(Listing, "MERGED_UP_TO", merged_up_to)
    english = dated(make_article(languages=("en",), original_language="en"), days_ago=5)
    complete = dated(make_article(title_en="Complete"), days_ago=4)
    arabic = dated(make_article(languages=("ar",), original_language="ar"), days_ago=3)
    stale = make_article(sections=1, original_language="ar", title_en="Stale")
    corrected(stale)
    dated(stale, days_ago=1)
    titles = [stale.title_en, arabic.title_ar, complete.title_en, english.title_en]
    assert list(read_desk(translator)) == titles
    assert list(read_desk(translator, state="missing")) == [arabic.title_ar, english.title_en]
    assert list(read_desk(translator, state="complete")) == [complete.title_en]


@pytest.mark.django_db
def test_a_title_missing_in_the_admins_language_is_shown_in_the_other(translator):
    """An Arabic-only article in the English admin: its Arabic title, marked as Arabic."""
    arabic = make_article(languages=("ar",), original_language="ar")
    page = html(translator.get(desk_url()))
    heading = page.select_one(f"tr[data-document='{arabic.pk}'] th")
    assert heading.get_text(strip=True) == arabic.title_ar
    assert (heading["lang"], heading["dir"]) == ("ar", "rtl")


# Filters


@pytest.fixture
def three_articles(db):
    """Arabic originals: one complete, one out of date in English, one missing English."""
    complete = make_article(sections=1, original_language="ar", title_en="Complete one")
    stale = make_article(sections=1, original_language="ar", title_en="Stale one")
    corrected(stale)
    missing = make_article(sections=1, languages=("ar",), original_language="ar")
    return complete, stale, missing


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"complete", "stale", "missing"}),
        # Complete in every language; the others are complete in Arabic only.
        ({"state": "complete"}, {"complete"}),
        ({"state": "complete", "language": "ar"}, {"complete", "stale", "missing"}),
        ({"state": "complete", "language": "en"}, {"complete"}),
        ({"state": "out-of-date"}, {"stale"}),
        ({"state": "out-of-date", "language": "ar"}, set()),
        ({"state": "missing", "language": "en"}, {"missing"}),
        ({"state": "missing", "language": "ar"}, set()),
    ],
)
def test_the_state_and_language_filters(three_articles, translator, query, expected):
    names = dict(zip(("complete", "stale", "missing"), three_articles, strict=True))
    # The English admin names each by its English title, else its Arabic one.
    titles = {name: article.title_en or article.title_ar for name, article in names.items()}
    assert set(read_desk(translator, **query)) == {titles[name] for name in expected}


def test_a_language_filter_shows_that_languages_column_only(three_articles, translator):
    found = read_desk(translator, language="en")
    assert all(set(cells) == {"en"} for cells in found.values())


@pytest.mark.django_db
def test_the_topic_kind_and_author_filters(translator):
    topic = Topic.objects.create(slug="energy", name_ar="الطاقة", name_en="Energy")
    study = Kind.objects.create(slug="desk-studies", name_ar="دراسات", name_en="Studies")
    writer = make_author(name_en="Hala Haddad", name_ar="هالة حداد")
    tagged = make_article(title_en="Tagged")
    tagged.topics.add(topic)
    a_study = make_article(title_en="A study", kind=study)
    bylined = make_article(title_en="Bylined", authors=[writer])
    make_article(title_en="Plain")
    assert set(read_desk(translator, topic=topic.pk)) == {"Tagged"}
    assert set(read_desk(translator, kind=study.pk)) == {"A study"}
    # An author by part of their name, in either language, whatever its case.
    assert set(read_desk(translator, author="haddad")) == {"Bylined"}
    assert set(read_desk(translator, author=" حداد ")) == {"Bylined"}
    assert set(read_desk(translator, author="Nobody")) == set()
    # Combined with a state: the out-of-date study only.
    corrected_study = make_article(title_en="Corrected study", kind=study, sections=1)
    corrected(corrected_study)
    assert set(read_desk(translator, kind=study.pk, state="out-of-date")) == {"Corrected study"}
    assert a_study.kind == study and Authorship.objects.filter(article=bylined).exists()


@pytest.mark.django_db
def test_the_filters_form_keeps_what_was_chosen(translator):
    topic = Topic.objects.create(slug="gulf", name_ar="الخليج", name_en="The Gulf")
    page = html(
        translator.get(desk_url(state="missing", language="en", topic=topic.pk, author="Hala"))
    )
    form = page.select_one("form.translation-desk__filters")
    assert form.select_one("#desk-state option[selected]")["value"] == "missing"
    assert form.select_one("#desk-language option[selected]")["value"] == "en"
    assert form.select_one("#desk-topic option[selected]")["value"] == str(topic.pk)
    assert form.select_one("#desk-author")["value"] == "Hala"
    assert form.select_one("input[name=document]")["value"] == "articles"


@pytest.mark.django_db
def test_a_filter_through_the_articles_counts_up_to_a_limit(translator, monkeypatch):
    """A topic, a kind or an author is counted up to a limit (every matching article would
    be read): past it, the desk says "more than" and lists the newest."""
    from translations import desk_views

    monkeypatch.setattr(desk_views, "COUNT_LIMIT", 3)
    topic = Topic.objects.create(slug="desk-many", name_ar="كثير", name_en="Many")
    for days in range(5):
        dated(make_article(title_en=f"Day {days}"), days_ago=days).topics.add(topic)
    page = html(translator.get(desk_url(topic=topic.pk)))
    assert page.select_one(".translation-desk__total").get_text() == "Articles: more than 3"
    assert "Only the newest 3 are listed" in page.select_one(".translation-desk__more").get_text()
    assert list(read_desk(translator, topic=topic.pk)) == ["Day 0", "Day 1", "Day 2"]
    # Counting what the desk's own index holds has no limit.
    page = html(translator.get(desk_url()))
    assert page.select_one(".translation-desk__total").get_text() == "Articles: 5"
    assert page.select_one(".translation-desk__more") is None


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored(translator):
    make_article(title_en="Listed")
    found = read_desk(translator, state="nonsense", language="xx", topic="abc", p="999")
    assert "Listed" in found


# Other kinds of document


@pytest.mark.django_db
def test_news_items_authors_and_topics_have_their_own_lists(editor):
    item = make_news(headline_en="", headline_ar="خبر بالعربية", body_ar="نص الخبر.")
    writer = make_author(bio_ar="سيرة.", bio_en="")
    topic = Topic.objects.create(slug="water", name_ar="المياه", name_en="")
    with committed():
        # Saved through the ORM, as the admin does: the signals refresh their states.
        item.save()
        writer.save()
        topic.save()
    news = read_desk(editor, document="news")
    assert news["خبر بالعربية"]["en"][0] == "missing"
    assert "2 parts missing" in news["خبر بالعربية"]["en"][1]
    assert read_desk(editor, document="authors")[writer.name_en]["en"][0] == "missing"
    assert read_desk(editor, document="topics")["المياه"]["en"][0] == "missing"
    # The switch names each kind; the current one is marked.
    page = html(editor.get(desk_url(document="topics")))
    current = page.select_one(".translation-desk__switch a[aria-current=page]")
    assert current.get_text() == "Topics"
    assert len(page.select(".translation-desk__switch a")) == 6


@pytest.mark.django_db
def test_series_and_issues_are_listed(editor):
    from publications.models import Issue, Series

    with committed():
        series = Series.objects.create(slug="asian-trends", name_ar="اتجاهات آسيوية", name_en="")
        Issue.objects.create(
            series=series,
            number=3,
            theme_ar="الهند",
            theme_en="India",
            date=datetime.date(2026, 4, 1),
        )
    assert read_desk(editor, document="series")["اتجاهات آسيوية"]["en"][0] == "missing"
    issues = read_desk(editor, document="issues")
    assert len(issues) == 1
    (cells,) = issues.values()
    assert cells["en"][0] == "complete"


@pytest.mark.django_db
def test_a_translator_is_not_offered_the_news(translator):
    """Translators do not see the center news in the admin: nor on the desk."""
    page = html(translator.get(desk_url()))
    labels = [a.get_text() for a in page.select(".translation-desk__switch a")]
    assert "News items" not in labels and "Articles" in labels
    assert translator.get(desk_url(document="news")).status_code == 403


# Who may use it


@pytest.mark.django_db
@pytest.mark.parametrize("role", [TRANSLATORS, EDITORS])
def test_translators_and_editors_may_use_the_desk(make_staff, login, role):
    assert login(make_staff(role)).get(desk_url()).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", [AUTHORS, ADMINISTRATORS, None])
def test_others_are_refused(make_staff, login, role):
    """An author, an administrator, or a staff account without a role: 403."""
    assert login(make_staff(role)).get(desk_url()).status_code == 403


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(desk_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")


# Both languages, valid HTML


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_the_desk_in_each_admin_language(translator, language, direction):
    make_article(sections=1)
    page = html(translator.get(desk_url(language)))
    assert (page.html["lang"], page.html["dir"]) == (language, direction)
    headings = [th.get_text(strip=True) for th in page.select("#translation-desk thead th")]
    names = {"ar": ["العربية", "الإنجليزية"], "en": ["Arabic", "English"]}[language]
    assert headings[-2:] == names


@pytest.mark.django_db
def test_the_desk_reads_arabic_in_the_arabic_admin(translator):
    """Needs the strings of /tmp/notes/transdesk-strings.md in locale/ar."""
    make_article(sections=1)
    page = html(translator.get(desk_url("ar")))
    assert page.h1.get_text(strip=True) == "مكتب الترجمة"
    assert page.select_one("td[data-language=en]").get_text(strip=True) == "مكتملة"


@pytest.mark.django_db
def test_the_desk_is_valid_html(translator, tmp_path, demo):
    make_article(sections=1, languages=("ar",), original_language="ar")
    corrected(make_article(sections=1, original_language="ar"))
    pages = {}
    for language in ("ar", "en"):
        for name, query in {
            "articles": {},
            "filtered": {"state": "out-of-date", "language": "en"},
            "authors": {"document": "authors"},
        }.items():
            response = translator.get(desk_url(language, **query))
            assert response.status_code == 200
            pages[f"{language}-{name}"] = response.content
    assert nu_errors(pages, tmp_path) == []


# Cost


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("narrowed", "queries"),
    [((), 10), (("state",), 10), (("state", "language"), 10), (("topic", "kind", "author"), 11)],
)
def test_the_desk_costs_the_same_queries_however_many_articles(
    translator, django_assert_num_queries, narrowed, queries
):
    """3 articles or 30, on one page: the same number of queries (the session, the user, its
    two sets of permissions, the count, the page, its states, its titles, the topics and
    kinds to choose from, and the authors of the name asked for)."""
    topic = Topic.objects.create(slug="desk-topic", name_ar="موضوع", name_en="Topic")
    writer = make_author()
    query = {
        "state": "out-of-date",
        "language": "en",
        "topic": topic.pk,
        "kind": Kind.objects.get(slug=Kind.DEFAULT_SLUG).pk,
        "author": writer.name_en,
    }
    query = {name: query[name] for name in narrowed}

    def fill(n):
        for _number in range(n):
            article = make_article(sections=2, points=2, authors=[writer], original_language="ar")
            article.topics.add(topic)
            corrected(article)

    fill(3)
    translator.get(desk_url(**query))
    with django_assert_num_queries(queries):
        assert len(read_desk(translator, **query)) == 3
    fill(27)
    with django_assert_num_queries(queries):
        assert len(read_desk(translator, **query)) == 30


# The home page's panel


def home_panel(client, language="en"):
    page = html(client.get(f"/{language}/admin/"))
    return page.select_one(".desk__panel--out-of-date")


@pytest.mark.django_db
def test_the_home_page_lists_translations_out_of_date(translator):
    fine = make_article(sections=1, original_language="ar")
    stale = [make_article(sections=1, original_language="ar") for _number in range(7)]
    for article in stale:
        corrected(article)
    panel = home_panel(translator)
    assert panel.select_one(".desk__count").get_text() == "(7)"
    listed = [a.get_text() for a in panel.select(".desk__list a")]
    assert len(listed) == 5 and str(fine) not in listed
    # The newest first, each linking to its translation.
    assert listed[0] == str(stale[-1])
    assert panel.select_one(".desk__list a")["href"] == reverse(
        "admin:translations_translate", args=["articles", "article", stale[-1].pk, "en"]
    )
    # The heading and "see all" open the desk, filtered on them.
    desk = desk_url(state="out-of-date").replace("/en/admin/translations/", "")
    assert panel.select_one("h2 a")["href"].endswith(desk)
    assert panel.select_one(".desk__more a")["href"].endswith(desk)


@pytest.mark.django_db
def test_the_home_page_panel_when_nothing_is_out_of_date(editor):
    make_article(sections=1)
    panel = home_panel(editor)
    assert panel.select_one(".desk__count").get_text() == "(0)"
    assert panel.select_one("h2 a")["href"] == "/en/admin/translations/?state=out-of-date"


@pytest.mark.django_db
@pytest.mark.parametrize("role", [AUTHORS, ADMINISTRATORS])
def test_others_have_no_translation_panel(make_staff, login, role):
    corrected(make_article(sections=1, original_language="ar"))
    assert home_panel(login(make_staff(role))) is None


@pytest.mark.django_db
@pytest.mark.parametrize("role", [TRANSLATORS, EDITORS])
def test_the_desk_is_in_the_admins_sidebar(make_staff, login, role):
    """Every admin page's sidebar, and the home page's list, link to the desk (needs the
    AppConfig.admin_links hook in thinktank/admin_site.py: /tmp/notes/transdesk-requests.md)."""
    client = login(make_staff(role))
    for path in ("/en/admin/", "/en/admin/articles/article/"):
        page = html(client.get(path))
        links = [a["href"] for a in page.select("#nav-sidebar a, #content-main .module a")]
        assert "/en/admin/translations/" in links, path


@pytest.mark.django_db
def test_others_find_no_desk_in_the_sidebar(make_staff, login):
    page = html(login(make_staff(AUTHORS)).get("/en/admin/articles/article/"))
    assert not page.select("#nav-sidebar a[href='/en/admin/translations/']")
