"""
The side-by-side translation page: each part's source beside its translation, missing and
out-of-date parts marked and counted, the source's changes shown word by word, and a save
that follows the change page's rules (who may change what, field limits, no save over a
newer version, a revision in the history).
"""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import translation
from reversion.models import Version

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from articles.models import Article, Author, Indication, Section, Status, Topic
from tests.admin_forms import form_data, save
from tests.checkers import AXE_JS, AXE_SERIOUS, nu_errors, require
from tests.factories import committed, make_article, make_author, make_figure, make_news
from tests.helpers import html
from translations.models import TranslationState

State = TranslationState.State
LANGUAGES = ["ar", "en"]


def page_url(obj, language, admin_language="en"):
    opts = obj._meta
    return (
        f"/{admin_language}/admin/translations/{opts.app_label}/{opts.model_name}/"
        f"{obj.pk}/{language}/"
    )


def state_of(obj, language):
    return TranslationState.objects.get(
        document_type=ContentType.objects.get_for_model(type(obj)),
        document_id=obj.pk,
        language=language,
    )


def translate(client, obj, language, changes, *, confirm=(), admin_language="en"):
    """Open the page as `client`, type `changes` ({part's form name: text}), tick
    "still matches" for `confirm`, press Save; the commit's work is done."""
    url = page_url(obj, language, admin_language)
    data = form_data(client.get(url), "translation_form")
    data.update(changes)
    data["confirm"] = list(confirm)
    data["_save"] = "Save"
    with committed():
        return client.post(url, data)


def status_lines():
    out = io.StringIO()
    call_command("translation_status", stdout=out)
    return out.getvalue().splitlines()


def refused_message(response):
    return html(response).select_one(".errornote").get_text(" ", strip=True)


@pytest.fixture
def translator(make_staff, login):
    return login(make_staff(TRANSLATORS))


@pytest.fixture
def editor(make_staff, login):
    return login(make_staff(EDITORS, first_name="Nabil", last_name="Fahmy"))


@pytest.fixture
def arabic_original(db):
    """An article written in Arabic and translated: two sections of one point each."""
    return make_article(sections=2, points=1, original_language="ar")


def corrected(article, text="نص مصحح للفقرة الأولى."):
    """The Arabic text of the article's first section, corrected after its translation."""
    section = article.sections.order_by("position").first()
    with committed():
        section.body_ar = text
        section.save()
    return section


# The first "must hold", end to end.


def test_a_corrected_paragraph_is_out_of_date_everywhere_until_the_translator_saves_it(
    demo, editor, translator
):
    """The demo article is complete; an editor changes one paragraph of the original
    through the change page; the translation is "out-of-date 1" on the list filter and
    the command, the page shows that paragraph's diff; once the translator saves the
    translated paragraph through the page, it is complete again."""
    article = demo
    source = article.original_language
    target = next(code for code in LANGUAGES if code != source)
    assert state_of(article, source).state == State.COMPLETE
    assert state_of(article, target).state == State.COMPLETE

    section = article.sections.order_by("position").first()
    paragraphs = getattr(section, f"body_{source}").split("\n\n")
    old_words = paragraphs[1].split()
    paragraphs[1] = " ".join([*old_words[:3], "RECENTLY", *old_words[3:]])
    with committed():
        response = save(editor, article, {f"sections-0-body_{source}": "\n\n".join(paragraphs)})
    assert response.status_code == 302

    found = state_of(article, target)
    assert (found.state, found.out_of_date) == (State.OUT_OF_DATE, 1)
    listed = editor.get("/en/admin/articles/article/", {"translation": f"out-of-date-{target}"})
    assert list(listed.context["cl"].result_list) == [article]
    assert f"{article.pk} {target} out-of-date 1" in status_lines()

    page = html(translator.get(page_url(article, target)))
    part = page.select_one(f"#part-section-{section.pk}-body")
    assert "Out of date" in part.select_one(".translation-mark").get_text()
    diff = part.select_one(".translation-diff")
    assert diff["lang"] == source
    assert [ins.get_text(" ", strip=True) for ins in diff.select("ins")] == ["added: RECENTLY"]
    # Only that paragraph changed: the others are shown as they were.
    assert diff.select("del") == []
    assert [item.get_text() for item in page.select(".translation-part--out-of-date")] == [
        part.get_text()
    ]

    translated = getattr(section, f"body_{target}").split("\n\n")
    translated[1] = "مؤخرًا " + translated[1]
    response = translate(
        translator, article, target, {f"section-{section.pk}-body": "\n\n".join(translated)}
    )
    assert response.status_code == 302
    assert state_of(article, target).state == State.COMPLETE
    listed = editor.get("/en/admin/articles/article/", {"translation": f"out-of-date-{target}"})
    assert list(listed.context["cl"].result_list) == []
    assert f"{article.pk} {target} complete" in status_lines()


# What the page shows.


@pytest.mark.parametrize("admin_language", LANGUAGES)
def test_each_part_shows_its_source_in_its_language_beside_a_labelled_field(
    translator, arabic_original, admin_language
):
    """Sources carry the source's lang and dir, fields the target's; every field has its
    label; long text gets a box, a line a line; the parts follow the reading order."""
    response = translator.get(page_url(arabic_original, "en", admin_language))
    assert response.status_code == 200
    page = html(response)
    assert page.html["lang"] == admin_language
    assert page.html["dir"] == ("rtl" if admin_language == "ar" else "ltr")
    sources = page.select(".translation-source .translation-text")
    assert sources and {(s["lang"], s["dir"]) for s in sources} == {("ar", "rtl")}
    fields = page.select("#translation_form textarea, #translation_form input[type=text]")
    assert {(f["lang"], f["dir"]) for f in fields} == {("en", "ltr")}
    for one in fields:
        assert page.select_one(f"label[for={one['id']}]") is not None, one["name"]
    first, second = arabic_original.sections.order_by("position")
    point = first.indications.get()
    names = [one["name"] for one in fields]
    assert names == [
        "title",
        "lead",
        f"section-{first.pk}-heading",
        f"section-{first.pk}-body",
        f"indication-{point.pk}-title",
        f"indication-{point.pk}-body",
        f"section-{second.pk}-heading",
        f"section-{second.pk}-body",
        f"indication-{second.indications.get().pk}-title",
        f"indication-{second.indications.get().pk}-body",
    ]
    assert page.select_one(f"[name=section-{first.pk}-body]").name == "textarea"
    assert page.select_one(f"[name=section-{first.pk}-heading]").name == "input"
    groups = [h2.get_text(strip=True) for h2 in page.select(".translation-group h2")]
    if admin_language == "en":
        assert groups == [
            "Article",
            "Section 1",
            "Section 1, point 1",
            "Section 2",
            "Section 2, point 1",
        ]


def test_the_arabic_admin_speaks_arabic_around_english_fields(translator, arabic_original):
    """The marks, the count and the button in Arabic; the fields in English, left to right.
    (Its Arabic comes from /tmp/notes/sidebyside-strings.md, once merged.)"""
    corrected(arabic_original)
    page = html(translator.get(page_url(arabic_original, "en", "ar")))
    assert page.select_one(".translation-mark").get_text(strip=True) == "غير محدّثة"
    assert "جزء واحد غير محدّث" in page.select_one(".translation-count").get_text()
    assert page.select_one("[name=_save]")["value"] == "احفظ الترجمة"
    assert page.select_one("label[for=id_title]").get_text(strip=True) == "العنوان [الإنجليزية]:"


def test_body_text_marks_are_shown_and_kept_as_typed(translator, db):
    """Lists, emphasis and notes stay as the editor typed them, in the source and the
    field, and a save of the untouched page changes nothing."""
    body = "- **first** item\n- second item [^1]\n\n[^1]: A note."
    article = make_article(sections=1, original_language="ar")
    with committed():
        Section.objects.filter(article=article).update(body_ar=body, body_en=body)
    section = article.sections.get()
    page = html(translator.get(page_url(article, "en")))
    assert page.select_one(f"#source-section-{section.pk}-body").get_text() == body
    assert page.select_one(f"[name=section-{section.pk}-body]").get_text().strip() == body
    translate(translator, article, "en", {})
    assert Section.objects.get(pk=section.pk).body_en == body


def test_figures_come_after_the_sections_and_keep_their_alt_text(translator, db, media_root):
    """A figure's caption, description and credit are translated under its label; its
    description cannot be emptied, as on the change page: screen readers need it."""
    article = make_article(sections=1, original_language="ar")
    figure = make_figure(article, "map")
    page = html(translator.get(page_url(article, "en")))
    groups = [h2.get_text(strip=True) for h2 in page.select(".translation-group h2")]
    assert groups[-1] == "Figure “map”"
    names = [f["name"] for f in page.select(".translation-group:last-of-type [name]")]
    assert names == [
        f"figure-{figure.pk}-caption",
        f"figure-{figure.pk}-image_alt",
        f"figure-{figure.pk}-credit",
    ]
    response = translate(
        translator,
        article,
        "en",
        {f"figure-{figure.pk}-image_alt": "", f"figure-{figure.pk}-caption": "A map."},
    )
    assert response.status_code == 200
    error = html(response).select_one(f"#part-figure-{figure.pk}-image_alt .errorlist")
    assert "Describe the image in English" in error.get_text()
    figure.refresh_from_db()
    assert (figure.image_alt_en, figure.caption_en) == (
        "What figure 1 shows",
        "Caption of figure 1",
    )
    assert (
        translate(translator, article, "en", {f"figure-{figure.pk}-caption": "A map."}).status_code
        == 302
    )
    figure.refresh_from_db()
    assert figure.caption_en == "A map."


def test_missing_and_out_of_date_parts_are_marked_counted_and_linked_in_order(
    translator, arabic_original
):
    """Each part to do says so in words; the top counts them and links to the first, and
    each links to the next, so the keyboard goes from one to the next."""
    corrected(arabic_original)
    with committed():
        added = Section.objects.create(
            article=arabic_original, position=5, heading_ar="قسم جديد", body_ar="نص جديد."
        )
    page = html(translator.get(page_url(arabic_original, "en")))
    todo = page.select(".translation-part--missing, .translation-part--out-of-date")
    first = arabic_original.sections.order_by("position").first()
    assert [part["id"] for part in todo] == [
        f"part-section-{first.pk}-body",
        f"part-section-{added.pk}-heading",
        f"part-section-{added.pk}-body",
    ]
    marks = [part.select_one(".translation-mark").get_text(strip=True) for part in todo]
    assert marks == ["Out of date", "Missing", "Missing"]
    count = page.select_one(".translation-count").get_text(" ", strip=True)
    assert "2 parts missing" in count and "1 part out of date" in count
    assert page.select_one("a.translation-first")["href"] == f"#{todo[0]['id']}"
    nexts = [part.select_one(".translation-next a") for part in todo]
    assert [link["href"] if link else None for link in nexts] == [
        f"#{todo[1]['id']}",
        f"#{todo[2]['id']}",
        None,
    ]
    # Every field says what stands against it: its mark and its source.
    field = page.select_one(f"[name=section-{added.pk}-body]")
    assert field["aria-describedby"].split() == [
        f"mark-section-{added.pk}-body",
        f"source-section-{added.pk}-body",
    ]
    assert page.select_one(f"#{field['aria-describedby'].split()[0]}")


def test_the_diff_names_what_was_removed_and_added_for_screen_readers(translator, arabic_original):
    section = arabic_original.sections.order_by("position").first()
    with committed():
        Section.objects.filter(pk=section.pk).update(body_ar="الجملة الأولى هنا.")
        section.refresh_from_db()
    translate(translator, arabic_original, "en", {f"section-{section.pk}-body": "First here."})
    corrected(arabic_original, "الجملة الثانية هنا.")
    diff = html(translator.get(page_url(arabic_original, "en"))).select_one(".translation-diff")
    assert diff.select_one("del").get_text(" ", strip=True) == "removed: الأولى"
    assert diff.select_one("ins").get_text(" ", strip=True) == "added: الثانية"
    assert diff.select_one("del .visually-hidden") and diff.select_one("ins .visually-hidden")


def test_a_document_has_nothing_to_translate_into_its_own_language(translator, arabic_original):
    response = translator.get(page_url(arabic_original, "ar"))
    assert response.status_code == 404
    page = html(response)
    assert "original language" in page.select_one("#content-main").get_text()
    assert page.select_one("#content-main a")["href"] == page_url(arabic_original, "en")
    assert page.select_one("#translation_form") is None
    assert translator.get(page_url(arabic_original, "fr")).status_code == 404


# Saving.


def test_a_translator_saves_the_target_language_and_the_original_is_untouched(
    translator, arabic_original
):
    section = arabic_original.sections.order_by("position").first()
    point = section.indications.get()
    before = Article.objects.get(pk=arabic_original.pk).edit_version
    response = translate(
        translator,
        arabic_original,
        "en",
        {
            "title": "The translated title",
            f"section-{section.pk}-heading": "A translated heading",
            f"indication-{point.pk}-body": "A translated point.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == page_url(arabic_original, "en")
    article = Article.objects.get(pk=arabic_original.pk)
    assert article.title_en == "The translated title"
    assert article.title_ar == arabic_original.title_ar
    assert article.edit_version == before + 1
    section = Section.objects.get(pk=section.pk)
    assert (section.heading_en, section.heading_ar) == ("A translated heading", "Heading 0 ar")
    assert Indication.objects.get(pk=point.pk).body_en == "A translated point."
    assert Indication.objects.get(pk=point.pk).body_ar == point.body_ar


def forged_names(article):
    """Names a forged post could carry, each of something the page does not offer."""
    other = make_article(sections=1, points=1, original_language="ar")
    other_section = other.sections.get()
    return {
        "source-language field": ("title_ar", "عنوان مزور"),
        "source-language column of a part": (
            f"section-{article.sections.first().pk}-body_ar",
            "نص مزور",
        ),
        "status": ("status", Status.PUBLISHED),
        "slug": ("slug", "forged"),
        "original language": ("original_language", "en"),
        "another article's section": (f"section-{other_section.pk}-body", "Forged."),
        "another article's point": (
            f"indication-{other_section.indications.get().pk}-title",
            "Forged.",
        ),
        "a point id of no article": ("indication-999999-body", "Forged."),
        "a checkbox of another article's part": ("confirm", f"section-{other_section.pk}-body"),
    }


def rows_of(*models):
    """Every column of every row of these models (read in one language: modeltranslation
    reads "title" in the active one)."""
    with translation.override("ar"):
        return {model: list(model.objects.order_by("pk").values()) for model in models}


FORGERIES = [
    "source-language field",
    "source-language column of a part",
    "status",
    "slug",
    "original language",
    "another article's section",
    "another article's point",
    "a point id of no article",
    "a checkbox of another article's part",
]


@pytest.mark.parametrize("forgery", FORGERIES)
def test_a_forged_post_is_refused_whole_and_says_so(translator, arabic_original, forgery):
    """A name the page did not offer is refused, and with it the rest of the post."""
    name, value = forged_names(arabic_original)[forgery]
    before = rows_of(Article, Section, Indication)
    url = page_url(arabic_original, "en")
    data = form_data(translator.get(url), "translation_form")
    data.update({"title": "A genuine change", name: value, "_save": "Save"})
    with committed():
        response = translator.post(url, data)
    assert response.status_code == 200
    message = refused_message(response)
    assert "Refused" in message and "Nothing was saved" in message
    assert (value if name == "confirm" else name) in message
    assert rows_of(Article, Section, Indication) == before
    # What was typed is still in the form.
    assert html(response).select_one("[name=title]")["value"] == "A genuine change"


def test_nobody_translates_into_the_original_language_through_a_post(editor, arabic_original):
    url = page_url(arabic_original, "ar")
    response = editor.post(url, {"title": "عنوان آخر", "_save": "Save"})
    assert response.status_code == 404
    assert Article.objects.get(pk=arabic_original.pk).title_ar == arabic_original.title_ar


def test_an_author_translates_only_their_own_drafts(make_staff, login, db):
    user = make_staff(AUTHORS)
    author = login(user)
    mine = make_author(user=user)
    draft = make_article(sections=1, authors=[mine], status=Status.DRAFT, original_language="ar")
    published = make_article(sections=1, authors=[mine], original_language="ar")
    someone_elses = make_article(sections=1, status=Status.DRAFT, original_language="ar")

    assert translate(author, draft, "en", {"title": "My translation"}).status_code == 302
    assert Article.objects.get(pk=draft.pk).title_en == "My translation"
    # Their published article: not theirs to change any more.
    assert author.get(page_url(published, "en")).status_code == 403
    with committed():
        refused = author.post(page_url(published, "en"), {"title": "Late", "_save": "Save"})
    assert refused.status_code == 403
    assert Article.objects.get(pk=published.pk).title_en == published.title_en
    # Someone else's draft: not even found.
    assert author.get(page_url(someone_elses, "en")).status_code == 404
    with committed():
        refused = author.post(page_url(someone_elses, "en"), {"title": "Mine", "_save": "Save"})
    assert refused.status_code == 404
    assert Article.objects.get(pk=someone_elses.pk).title_en == someone_elses.title_en


def test_field_limits_are_checked_as_on_the_change_page(translator, arabic_original):
    section = arabic_original.sections.first()
    response = translate(
        translator,
        arabic_original,
        "en",
        {"title": "x" * 301, f"section-{section.pk}-body": "Kept, but not saved."},
    )
    assert response.status_code == 200
    page = html(response)
    assert page.select_one("#part-title .errorlist")
    assert page.select_one(f"[name=section-{section.pk}-body]").get_text().strip() == (
        "Kept, but not saved."
    )
    assert Article.objects.get(pk=arabic_original.pk).title_en == arabic_original.title_en
    assert Section.objects.get(pk=section.pk).body_en == section.body_en


def test_a_stale_save_is_refused_and_keeps_the_typed_text(translator, editor, arabic_original):
    """Someone saved the article after the translator opened the page: the translator is
    told who, nothing of theirs is saved, nothing of the other's is lost."""
    url = page_url(arabic_original, "en")
    data = form_data(translator.get(url), "translation_form")
    with committed():
        assert save(editor, arabic_original, {"title_en": "The editor's title"}).status_code == 302
    section = arabic_original.sections.first()
    data.update({"title": "The translator's title", f"section-{section.pk}-body": "Typed."})
    data["_save"] = "Save"
    with committed():
        response = translator.post(url, data)
    assert response.status_code == 200
    message = refused_message(response)
    assert "Nabil Fahmy" in message and "after you opened it" in message
    page = html(response)
    assert page.select_one("[name=title]")["value"] == "The translator's title"
    assert page.select_one(f"[name=section-{section.pk}-body]").get_text().strip() == "Typed."
    assert Article.objects.get(pk=arabic_original.pk).title_en == "The editor's title"
    assert Section.objects.get(pk=section.pk).body_en == section.body_en


def test_a_save_is_a_revision_the_history_lists_and_compares(translator, editor, arabic_original):
    with committed():
        assert save(editor, arabic_original, {}).status_code == 302  # the version before
    section = arabic_original.sections.first()
    translate(
        translator,
        arabic_original,
        "en",
        {"title": "A new title", f"section-{section.pk}-body": "A new paragraph."},
    )
    versions = Version.objects.get_for_object(arabic_original).order_by("pk")
    assert versions.count() == 2
    newest = versions.last()
    assert newest.revision.user.groups.get().name == TRANSLATORS
    history = html(editor.get(f"/en/admin/articles/article/{arabic_original.pk}/history/"))
    assert "Translated into English: 2 parts." in history.get_text()
    compare = editor.get(
        f"/en/admin/articles/article/{arabic_original.pk}/history/compare/",
        {"from": versions.first().pk, "to": newest.pk},
    )
    rows = html(compare).select(".version-diff tbody tr")
    changed = {row.th.get_text(strip=True): row.td.select_one("ins").get_text() for row in rows}
    assert changed == {
        "title [English]": "A new title",
        "Section 1: text [English]": "A new paragraph.",
    }


def test_saving_nothing_changes_nothing(translator, arabic_original):
    before = Article.objects.get(pk=arabic_original.pk).edit_version
    response = translate(translator, arabic_original, "en", {})
    assert response.status_code == 302
    assert Article.objects.get(pk=arabic_original.pk).edit_version == before
    assert not Version.objects.get_for_object(arabic_original).exists()


def test_a_translation_that_still_matches_is_confirmed_complete(translator, arabic_original):
    section = corrected(arabic_original, "نص مصحح بعلامات ترقيم فقط.")
    assert state_of(arabic_original, "en").state == State.OUT_OF_DATE
    response = translate(
        translator, arabic_original, "en", {}, confirm=[f"section-{section.pk}-body"]
    )
    assert response.status_code == 302
    assert state_of(arabic_original, "en").state == State.COMPLETE
    assert Section.objects.get(pk=section.pk).body_en == section.body_en


# Other documents.


def test_an_editor_translates_a_news_item_and_a_translator_may_not(editor, translator, db):
    item = make_news(headline_en="", body_ar="نص الخبر.", body_en="")
    assert translator.get(page_url(item, "en")).status_code == 403
    response = translate(
        editor, item, "en", {"headline": "The headline", "body": "The news item's text."}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.headline_en, item.body_en) == ("The headline", "The news item's text.")
    assert state_of(item, "en").state == State.COMPLETE


def test_an_author_record_is_translated_with_a_revision(editor, db):
    author = make_author(position_ar="باحث أول", position_en="", bio_ar="سيرة قصيرة.")
    response = translate(
        editor, author, "en", {"position": "Senior researcher", "bio": "A short biography."}
    )
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.bio_en == "A short biography."
    assert Version.objects.get_for_object(author).count() == 1
    forged = translate(editor, author, "en", {"slug": "forged"})
    assert forged.status_code == 200
    assert Author.objects.get(pk=author.pk).slug == author.slug


def test_a_topic_is_translated_by_an_editor(editor, db):
    with committed():
        topic = Topic.objects.create(slug="energy", name_ar="الطاقة")
    page = html(editor.get(page_url(topic, "en")))
    assert "Missing" in page.select_one(".translation-mark").get_text()
    translate(editor, topic, "en", {"name": "Energy"})
    assert Topic.objects.get(pk=topic.pk).name_en == "Energy"
    assert state_of(topic, "en").state == State.COMPLETE


# Queries, the Nu checker and axe.

# Session, user, the user's permissions (its own and its groups'), the article with its
# sections, points and figures (four), and its fingerprints.
PAGE_QUERIES = 9


@pytest.mark.parametrize("sections", [2, 10])
def test_the_page_runs_the_same_queries_whatever_the_size(
    translator, db, sections, django_assert_num_queries
):
    article = make_article(sections=sections, points=3, original_language="ar")
    corrected(article)
    translator.get(page_url(article, "en"))  # the first also loads what Django caches
    with django_assert_num_queries(PAGE_QUERIES):
        assert translator.get(page_url(article, "en")).status_code == 200


def test_the_page_is_valid_html_in_both_admins(translator, arabic_original, tmp_path):
    corrected(arabic_original)
    with committed():
        Section.objects.create(article=arabic_original, position=5, heading_ar="قسم جديد")
    pages = {}
    for admin_language in LANGUAGES:
        url = page_url(arabic_original, "en", admin_language)
        pages[f"{admin_language}-page"] = translator.get(url).content
        data = form_data(translator.get(url), "translation_form")
        data.update({"title": "x" * 301, "status": "published", "_save": "Save"})
        pages[f"{admin_language}-refused"] = translator.post(url, data).content
        pages[f"{admin_language}-original"] = translator.get(
            page_url(arabic_original, "ar", admin_language)
        ).content
    assert nu_errors(pages, tmp_path) == []


@pytest.mark.browser
def test_the_page_passes_axe_in_both_admins(browser, live_server, transactional_db, make_staff):
    from tests.e2e.helpers import sign_in

    article = make_article(sections=2, points=2, original_language="ar")
    corrected(article)
    axe = require(AXE_JS).read_text(encoding="utf-8")
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.add_init_script(axe)
    sign_in(page, live_server, make_staff(TRANSLATORS))
    found = []
    for admin_language in LANGUAGES:
        page.goto(f"{live_server.url}{page_url(article, 'en', admin_language)}")
        found += [f"{admin_language}: {v}" for v in page.evaluate(AXE_SERIOUS)]
        # The keyboard alone: the skip link leads to the first part to do, Tab into its field.
        page.locator("a.translation-first").focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.name")
        assert focused == f"section-{article.sections.first().pk}-body"
    context.close()
    assert found == []
