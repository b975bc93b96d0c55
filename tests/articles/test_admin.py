import datetime

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from articles.models import Author
from tests.admin_forms import change_url, form_data
from tests.factories import committed, make_article, make_author
from tests.helpers import html
from tests.seed import normalise


def test_editor_adds_a_section_with_two_points_in_both_languages(staff_client, db):
    """Posting the change form with a new section and two points shows them on the page."""
    article = make_article(sections=1, points=0)
    data = form_data(staff_client.get(change_url(article)), "article_form")
    data.update(
        {
            "title_en": "A revised title",
            "title_ar": "عنوان منقح",
            "sections-TOTAL_FORMS": "2",
            "sections-1-position": "1",
            "sections-1-article": str(article.pk),
            "sections-1-heading_ar": "دلالات عديدة",
            "sections-1-heading_en": "Various Indications",
            "sections-1-body_ar": "تمهيد.",
            "sections-1-body_en": "An introduction.",
            "sections-1-closing_ar": "خاتمة.",
            "sections-1-closing_en": "A closing paragraph.",
            "sections-1-indications-TOTAL_FORMS": "2",
            "sections-1-indications-INITIAL_FORMS": "0",
            "sections-1-indications-MIN_NUM_FORMS": "0",
            "sections-1-indications-MAX_NUM_FORMS": "1000",
        }
    )
    for number, (title_en, title_ar) in enumerate(
        [("Defying Efforts.", "تحدي الجهود:"), ("Reducing Pressure.", "تقليص الضغوط:")]
    ):
        prefix = f"sections-1-indications-{number}-"
        data.update(
            {
                prefix + "position": str(number),
                prefix + "title_en": title_en,
                prefix + "title_ar": title_ar,
                prefix + "body_en": f"Point {number + 1} text.\n\nIts second paragraph.",
                prefix + "body_ar": f"نص النقطة {number + 1}.",
            }
        )
    data["_save"] = "Save"
    response = staff_client.post(change_url(article), data)
    assert response.status_code == 302, html(response).select(".errorlist")

    page = html(staff_client.get(article.url_in("en")))
    assert page.h1.get_text() == "A revised title"
    section = page.select("article section")[-1]
    assert section.h2.get_text() == "Various Indications"
    points = [normalise(li.get_text(" ")) for li in section.select("ol > li")]
    assert points == [
        "1- Defying Efforts. Point 1 text. Its second paragraph.",
        "2- Reducing Pressure. Point 2 text. Its second paragraph.",
    ]
    assert (
        normalise(section.find_all("p", recursive=False)[-1].get_text()) == "A closing paragraph."
    )
    arabic = html(staff_client.get(article.url_in("ar")))
    assert arabic.h1.get_text() == "عنوان منقح"
    arabic_points = arabic.select("article section")[-1].select("li")
    assert [normalise(li.get_text(" ")) for li in arabic_points] == [
        "1- تحدي الجهود: نص النقطة 1.",
        "2- تقليص الضغوط: نص النقطة 2.",
    ]


def test_editor_swaps_two_sections_in_one_save(staff_client, db):
    """Reordering sections (positions exchanged) saves, and the page follows the new order."""
    article = make_article(sections=2, points=1)
    data = form_data(staff_client.get(change_url(article)), "article_form")
    data["sections-0-position"], data["sections-1-position"] = "1", "0"
    data["_save"] = "Save"
    response = staff_client.post(change_url(article), data)
    assert response.status_code == 302, html(response).select(".errorlist")
    page = html(staff_client.get(article.url_in("en")))
    assert [h.get_text() for h in page.select("article h2")] == ["Heading 1 en", "Heading 0 en"]


@pytest.mark.parametrize(
    ("positions", "expected"),
    [
        (("3", "3"), ["First", "Second"]),
        (("x", "0"), ["Second", "First"]),
        (("", "-1"), ["First", "Second"]),
    ],
)
def test_unusable_positions_keep_the_submitted_order(staff_client, db, positions, expected):
    """Equal or unreadable positions (a broken script) save in form order: no error, no loss."""
    article = make_article(sections=2, points=0)
    data = form_data(staff_client.get(change_url(article)), "article_form")
    data["sections-0-position"], data["sections-1-position"] = positions
    data["sections-0-heading_en"] = "First"
    data["sections-1-heading_en"] = "Second"
    response = staff_client.post(change_url(article), {**data, "_save": "Save"})
    assert response.status_code == 302, html(response).select(".errorlist")
    page = html(staff_client.get(article.url_in("en")))
    assert [h.get_text() for h in page.select("article h2")] == expected


def test_invalid_article_form_keeps_what_the_editor_typed(staff_client, db):
    """A refused save says why and leaves every typed field in the form."""
    article = make_article(sections=1, points=1)
    data = form_data(staff_client.get(change_url(article)), "article_form")
    data["title_en"] = "A new title the editor typed"
    data["sections-0-indications-0-body_en"] = "A point the editor typed."
    data["slug"] = "not a valid slug!"
    response = staff_client.post(change_url(article), {**data, "_save": "Save"})
    assert response.status_code == 200
    page = html(response)
    assert page.select_one(".errornote")
    assert page.find(attrs={"name": "title_en"})["value"] == "A new title the editor typed"
    typed_point = page.find(attrs={"name": "sections-0-indications-0-body_en"})
    assert typed_point.get_text().strip() == "A point the editor typed."
    article.refresh_from_db()
    assert article.title_en != "A new title the editor typed"


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_admin_works_in_both_interface_languages(staff_client, db, language, direction):
    article = make_article(sections=1, points=1)
    page = html(staff_client.get(change_url(article, language)))
    assert page.html["lang"] == language
    assert page.html["dir"] == direction
    # Each translated field is typed in its own language's direction.
    assert page.find(attrs={"name": "title_ar"})["dir"] == "rtl"
    assert page.find(attrs={"name": "title_en"})["dir"] == "ltr"
    assert page.find(attrs={"name": "sections-0-indications-0-body_en"})["lang"] == "en"


def test_admin_serves_jquery_ui_itself(staff_client, db):
    """The language tabs' jQuery UI comes from our static files, not from a CDN."""
    article = make_article()
    page = html(staff_client.get(change_url(article)))
    sources = [script.get("src", "") for script in page.find_all("script")]
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in sources
    assert not [src for src in sources if src.startswith(("http:", "https:", "//"))]
    assert finders.find("vendor/jquery-ui/jquery-ui.min.js")


@pytest.mark.parametrize(
    ("interface", "term"), [("en", "عنوان-بحث"), ("ar", "Searchable-title"), ("en", "كاتب-بحث")]
)
def test_changelist_search_covers_both_languages(staff_client, db, interface, term):
    """Searching finds an article by its Arabic or English title, or an author's name."""
    author = make_author(name_ar="كاتب-بحث")
    wanted = make_article(title_ar="عنوان-بحث", title_en="Searchable-title", authors=[author])
    make_article()
    response = staff_client.get(f"/{interface}/admin/articles/article/", {"q": term})
    page = html(response)
    links = [a["href"].split("?")[0] for a in page.select("#result_list tbody th a")]
    assert links == [change_url(wanted, interface)]


def changelist_found(client, term):
    """The change pages a search of the article list links to."""
    page = html(client.get("/en/admin/articles/article/", {"q": term}))
    return sorted(a["href"].split("?")[0] for a in page.select("#result_list tbody th a"))


@pytest.mark.parametrize(
    ("term", "why"),
    [
        ("والساحل", "an Arabic word with its prefixes finds the bare word"),
        ("sahel mali", "every word, in any field: the title and a point"),
        ("Drones", "a word of the text, in another case"),
        ("sahel-dr", "the start of the address"),
    ],
)
def test_changelist_search_uses_the_search_index(staff_client, db, term, why):
    """Drafts too: staff search what they are working on, not what readers see."""
    article = make_article(
        status="draft",
        slug="sahel-drones",
        title_ar="الساحل الأفريقي",
        title_en="The Sahel",
        sections=1,
        points=1,
    )
    point = article.sections.get().indications.get()
    point.body_en = "Drones over Mali."
    with committed():
        point.save()
    make_article(title_ar="عنوان آخر", title_en="Another title")
    assert changelist_found(staff_client, term) == [change_url(article)], why


def test_changelist_search_finds_nothing_for_unknown_words_and_keeps_authors_to_their_own(
    make_staff, login, db
):
    author_user = make_staff("Authors")
    mine = make_author(user=author_user)
    own = make_article(title_en="Sahel mine", authors=[mine])
    make_article(title_en="Sahel theirs")
    client = login(author_user)
    assert changelist_found(client, "sahel") == [change_url(own)]
    assert changelist_found(client, "nonexistentword") == []


def test_changelist_shows_both_titles_and_filters_by_status(staff_client, db):
    make_article(title_ar="عنوان منشور", title_en="Published title")
    make_article(status="draft", title_ar="عنوان مسودة", title_en="Draft title")
    page = html(staff_client.get("/en/admin/articles/article/", {"status__exact": "draft"}))
    rows = page.select("#result_list tbody tr")
    assert len(rows) == 1
    assert "عنوان مسودة" in rows[0].get_text()
    assert "Draft title" in rows[0].get_text()


def test_change_page_links_to_the_article_on_the_site(staff_client, db):
    article = make_article()
    page = html(staff_client.get(change_url(article)))
    view_on_site = page.select_one("a.viewsitelink")
    response = staff_client.get(view_on_site["href"])
    assert response.status_code == 302
    assert response["Location"].endswith(article.url_in("en"))


def test_authors_and_topics_are_chosen_by_autocomplete(staff_client, db):
    """The author picker searches names in both languages."""
    make_author(name_ar="إبراهيم فوزي", name_en="Ibrahim Fawzy")
    article = make_article()
    page = html(staff_client.get(change_url(article)))
    assert "admin-autocomplete" in page.find(attrs={"name": "topics"})["class"]
    response = staff_client.get(
        "/en/admin/autocomplete/",
        {
            "app_label": "articles",
            "model_name": "authorship",
            "field_name": "author",
            "term": "فوزي",
        },
    )
    assert [result["text"] for result in response.json()["results"]] == ["Ibrahim Fawzy"]


def test_editor_adds_an_author_in_both_languages(staff_client, db):
    response = staff_client.post(
        "/ar/admin/articles/author/add/",
        {
            "name_ar": "حمدي عبدالرحمن",
            "name_en": "Hamdy Abdelrahman",
            "honorific_ar": "أ. د.",
            "honorific_en": "Prof.",
            "slug": "hamdy-abdelrahman",
            "gender": "m",
            "_save": "حفظ",
        },
    )
    assert response.status_code == 302
    article = make_article(authors=[Author.objects.get(slug="hamdy-abdelrahman")])
    page = html(staff_client.get(article.url_in("ar")))
    assert page.select_one(".article__byline .author").get_text() == "أ. د. حمدي عبدالرحمن"


@pytest.mark.parametrize(
    ("language", "other", "label"), [("ar", "en", "English"), ("en", "ar", "العربيّة")]
)
def test_admin_links_to_the_same_screen_in_the_other_language(
    staff_client, db, language, other, label
):
    article = make_article()
    page = html(staff_client.get(change_url(article, language)))
    link = page.select_one(".admin-language-switch a")
    assert link.get_text() == label
    assert link["href"] == change_url(article, other)


def test_a_search_matching_more_than_the_limit_lists_the_newest_and_says_so(
    staff_client, db, monkeypatch
):
    from articles import admin as article_admin

    monkeypatch.setattr(article_admin, "ADMIN_SEARCH_LIMIT", 2)
    now = timezone.now()
    oldest, middle, newest = (
        make_article(
            title_en="Sahel drones" if n == 3 else "Sahel",
            published_at=now - datetime.timedelta(days=n),
        )
        for n in (3, 2, 1)
    )
    page = html(staff_client.get("/en/admin/articles/article/", {"q": "sahel"}))
    links = [a["href"].split("?")[0] for a in page.select("#result_list tbody th a")]
    assert links == [change_url(newest), change_url(middle)]
    assert "More than 2 articles match" in page.select_one(".messagelist").get_text()
    # Below the limit nothing is said.
    page = html(staff_client.get("/en/admin/articles/article/", {"q": "sahel drones"}))
    assert page.select_one(".messagelist") is None
    assert [a["href"].split("?")[0] for a in page.select("#result_list tbody th a")] == [
        change_url(oldest)
    ]


def test_the_year_drill_down_is_left_out_while_searching(staff_client, db):
    make_article(title_en="Sahel")
    assert html(staff_client.get("/en/admin/articles/article/")).select_one("nav.toplinks")
    searched = html(staff_client.get("/en/admin/articles/article/", {"q": "sahel"}))
    assert searched.select_one("nav.toplinks") is None
