"""
Outside translators: an article goes out as an XLIFF 2.0 file and its translation comes
back; a file that does not fit the article is refused or reported, and nothing is half-saved.
"""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import translation
from lxml import etree
from reversion.models import Version

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from articles.models import Article, Section, Status
from core.change_messages import describe
from tests.factories import committed, make_article, make_author
from tests.helpers import html
from translations import xliff
from translations.models import TranslationState
from translations.parts import parts_of

NS = {"x": xliff.NAMESPACE}
State = TranslationState.State


def state_of(article, language):
    return TranslationState.objects.get(
        document_type=ContentType.objects.get_for_model(Article),
        document_id=article.pk,
        language=language,
    )


def arabic_article(**fields):
    """An Arabic article with two sections of two points each, not yet in English."""
    return make_article(sections=2, points=2, languages=("ar",), original_language="ar", **fields)


def exported(article, language="en"):
    return xliff.export(Article.objects.get(pk=article.pk), language)


def units(data):
    return etree.fromstring(data).findall(".//x:unit", NS)


def filled(data, text=lambda unit_id: f"English for {unit_id}", only=None):
    """The file as a translator returns it: a target in each unit with something to
    translate (or in `only`)."""
    root = etree.fromstring(data)
    for unit in root.iterfind(".//x:unit", NS):
        if only is not None and unit.get("id") not in only:
            continue
        if only is None and unit.get("translate") == "no":
            continue
        segment = unit.find("x:segment", NS)
        target = segment.find("x:target", NS)
        if target is None:
            target = etree.SubElement(segment, f"{{{xliff.NAMESPACE}}}target")
        target.text = text(unit.get("id"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def imported(data, **kwargs):
    """Import as a request would: what its commit does (the state's refresh) included.
    Its messages in English, the language the tests read them in."""
    with translation.override("en"), TestCase.captureOnCommitCallbacks(execute=True):
        return xliff.import_file(data, **kwargs)


def english(article):
    """Every part's English text, by key."""
    fresh = xliff.fetch(Article, article.pk)
    return {part.key: part.text("en") for part in parts_of(fresh)}


def untouched(article):
    """The article has no English and the same save counter as before."""
    fresh = Article.objects.get(pk=article.pk)
    assert fresh.edit_version == article.edit_version
    assert not any(english(article).values())


@pytest.fixture
def editor(make_staff):
    return make_staff(EDITORS)


# The file


def test_the_export_is_an_xliff_2_file_with_one_unit_per_part(db):
    """Languages, the document's name, one unit per part with its label, its source and
    the translation there is so far."""
    article = make_article(sections=1, points=1, original_language="ar")
    root = etree.fromstring(exported(article))
    assert root.tag == f"{{{xliff.NAMESPACE}}}xliff"
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "ar", "en")
    (file,) = root.findall("x:file", NS)
    assert file.get("id") == f"articles.article:{article.pk}"
    assert (file.get("srcDir"), file.get("trgDir")) == ("rtl", "ltr")
    parts = parts_of(xliff.fetch(Article, article.pk))
    found = file.findall("x:unit", NS)
    assert [unit.get("id") for unit in found] == [part.key for part in parts]
    title = file.find("x:unit[@id='title']", NS)
    assert title.findtext("x:notes/x:note[@category='location']", namespaces=NS) == "Title"
    assert title.findtext("x:segment/x:source", namespaces=NS) == article.title_ar
    assert title.findtext("x:segment/x:target", namespaces=NS) == article.title_en
    body = file.find(f"x:unit[@id='section:{article.sections.get().pk}:body']", NS)
    assert body.findtext("x:notes/x:note", namespaces=NS) == "Section 1: text"
    source = body.find("x:segment/x:source", NS)
    assert source.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    # A part with no text to translate is marked so that tools skip it.
    assert file.find("x:unit[@id='kicker']", NS).get("translate") == "no"


def test_the_export_tells_the_translator_which_translations_are_out_of_date(db):
    article = make_article(sections=1, original_language="ar")
    section = article.sections.get()
    with committed():
        section.body_ar = "فقرة صححها الكاتب."
        section.save()
    root = etree.fromstring(exported(article))
    marked = [
        unit.get("id")
        for unit in root.iterfind(".//x:unit", NS)
        if unit.find(".//x:note[@category='state']", NS) is not None
    ]
    assert marked == [f"section:{section.pk}:body"]


def test_unit_ids_are_the_part_keys_as_xml_name_tokens(db):
    """The core schema types a unit's id as NMTOKEN: the keys ("section:12:body") are
    name tokens as they are, so an id is the key, with no encoding to undo."""
    import re

    article = arabic_article()
    name_token = re.compile(r"^[\w.:-]+$")
    ids = [unit.get("id") for unit in units(exported(article))]
    assert all(name_token.match(unit_id) for unit_id in ids)
    assert f"indication:{article.sections.first().indications.first().pk}:title" in ids


def test_control_characters_travel_as_code_points(db):
    """XML cannot hold a control character: the file carries it as <cp>, and it comes
    back as the character."""
    article = arabic_article()
    with committed():
        Article.objects.filter(pk=article.pk).update(summary_ar="قبل\x0bبعد")
    data = exported(article)
    summary = etree.fromstring(data).find(".//x:unit[@id='summary']/x:segment/x:source", NS)
    assert summary.find("x:cp", NS).get("hex") == "000B"
    translated = filled(data, lambda unit_id: "Before" if unit_id != "summary" else "x")
    root = etree.fromstring(translated)
    target = root.find(".//x:unit[@id='summary']/x:segment/x:target", NS)
    target.text = "Before"
    etree.SubElement(target, f"{{{xliff.NAMESPACE}}}cp", hex="000B").tail = "after"
    imported(etree.tostring(root), user=None)
    assert Article.objects.get(pk=article.pk).summary_en == "Before\x0bafter"


# The round trip


def test_round_trip_saves_the_translation_and_completes_it(db, editor):
    """Export, fill the targets, import: the English text is what the translator wrote,
    the article is complete in English, and the history shows the change as the editor's."""
    article = arabic_article()
    assert state_of(article, "en").state == State.MISSING
    result = imported(filled(exported(article)), user=editor)
    texts = english(article)
    source = {part.key: part.text("ar") for part in parts_of(xliff.fetch(Article, article.pk))}
    translatable = [key for key, text in source.items() if text]
    assert {key: texts[key] for key in translatable} == {
        key: f"English for {key}" for key in translatable
    }
    assert [key for key, _label in result.imported] == translatable
    assert not any(texts[key] for key in source if key not in translatable)
    assert state_of(article, "en").state == State.COMPLETE
    fresh = Article.objects.get(pk=article.pk)
    assert fresh.edit_version == article.edit_version + 1
    assert fresh.updated_by == editor
    revision = Version.objects.get_for_object(fresh).latest("pk").revision
    assert revision.user == editor
    with translation.override("en"):
        assert describe(revision.comment, Article) == (
            f"Imported a translation into English from an XLIFF file: {len(translatable)} parts."
        )


def test_a_change_page_opened_before_the_import_refuses_to_save_over_it(db, login, editor):
    """The import moves the article's save counter on, as a save from the admin does: an
    editor who opened the change page before it is told, and their form is not saved."""
    from tests.admin_forms import change_url, form_data

    article = arabic_article()
    client = login(editor)
    data = form_data(client.get(change_url(article)), "article_form")
    imported(filled(exported(article)), user=editor)
    data.update({"title_ar": "عنوان من صفحة قديمة", "_save": "Save"})
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    fresh = Article.objects.get(pk=article.pk)
    assert (fresh.title_ar, fresh.title_en) == (article.title_ar, "English for title")


def test_a_second_import_of_the_same_file_changes_nothing(db, editor):
    article = arabic_article()
    data = filled(exported(article))
    imported(data, user=editor)
    version = Article.objects.get(pk=article.pk).edit_version
    result = imported(data, user=editor)
    assert result.imported == [] and result.left_out == []
    assert Article.objects.get(pk=article.pk).edit_version == version


def test_tools_that_split_a_unit_into_sentences_are_read_whole(db, editor):
    """A translation tool may cut a unit into segments with ignorable spaces between them:
    the unit's translation is their targets joined."""
    article = arabic_article()
    root = etree.fromstring(exported(article))
    unit = root.find(".//x:unit[@id='lead']", NS)
    segment = unit.find("x:segment", NS)
    unit.remove(segment)
    source_text = article.lead_ar
    for number, piece in enumerate((source_text[:4], " ", source_text[4:])):
        name = "ignorable" if piece == " " else "segment"
        element = etree.SubElement(unit, f"{{{xliff.NAMESPACE}}}{name}")
        etree.SubElement(element, f"{{{xliff.NAMESPACE}}}source").text = piece
        if name == "segment":
            target = etree.SubElement(element, f"{{{xliff.NAMESPACE}}}target")
            target.text = "First sentence." if number == 0 else "Second sentence."
    result = imported(etree.tostring(root), user=editor)
    assert result.imported == [("lead", "Lead")]
    assert Article.objects.get(pk=article.pk).lead_en == "First sentence. Second sentence."


def test_empty_targets_are_left_alone(db, editor):
    """A unit the translator left empty keeps the English there is."""
    article = make_article(sections=1, original_language="ar")
    result = imported(filled(exported(article), lambda unit_id: "", only={"title"}), user=editor)
    assert result.imported == []
    assert result.untranslated == [("title", "Title")]
    assert Article.objects.get(pk=article.pk).title_en.startswith("Title")


# Refused or reported, nothing half-saved


def test_a_file_for_another_article_is_refused_on_the_articles_page(db, editor):
    article, other = arabic_article(), arabic_article()
    with pytest.raises(xliff.XliffRefused) as refusal:
        imported(filled(exported(other)), user=editor, expected=article)
    assert f"articles.article:{other.pk}" in refusal.value.message
    untouched(article)
    untouched(other)


def test_a_file_renamed_for_another_article_is_refused_naming_the_units(db, editor):
    """A file whose document was changed to another article does not match its parts."""
    article, other = arabic_article(), arabic_article()
    data = filled(exported(other)).replace(
        f'id="articles.article:{other.pk}"'.encode(), f'id="articles.article:{article.pk}"'.encode()
    )
    with pytest.raises(xliff.XliffRefused) as refusal:
        imported(data, user=editor)
    other_section = other.sections.first().pk
    assert f"section:{other_section}:heading" in refusal.value.message
    untouched(article)


def test_a_file_with_a_unit_removed_is_refused_naming_it(db, editor):
    article = arabic_article()
    root = etree.fromstring(filled(exported(article)))
    section = article.sections.first()
    removed = root.find(f".//x:unit[@id='section:{section.pk}:closing']", NS)
    removed.getparent().remove(removed)
    with pytest.raises(xliff.XliffRefused) as refusal:
        imported(etree.tostring(root), user=editor)
    assert f"section:{section.pk}:closing (Section 1: closing text)" in refusal.value.message
    untouched(article)


def test_a_file_with_a_unit_added_is_refused_naming_it(db, editor):
    article = arabic_article()
    root = etree.fromstring(filled(exported(article)))
    file = root.find("x:file", NS)
    extra = etree.fromstring(etree.tostring(file.find("x:unit[@id='title']", NS)))
    extra.set("id", "section:999999:body")
    file.append(extra)
    with pytest.raises(xliff.XliffRefused) as refusal:
        imported(etree.tostring(root), user=editor)
    assert "section:999999:body" in refusal.value.message
    untouched(article)


def test_a_section_added_since_the_export_refuses_the_old_file(db, editor):
    """The article gained parts: the old file lacks their units, and the person is told
    to export again."""
    article = arabic_article()
    data = filled(exported(article))
    with committed():
        section = Section.objects.create(article=article, position=5, heading_ar="قسم جديد")
    with pytest.raises(xliff.XliffRefused) as refusal:
        imported(data, user=editor)
    assert f"section:{section.pk}:heading" in refusal.value.message
    assert "export the file again" in refusal.value.message


def test_a_source_changed_since_the_export_is_reported_and_left_out(db, editor):
    """The changed part is left out and said why; the rest is imported."""
    article = arabic_article()
    data = filled(exported(article))
    section = article.sections.first()
    with committed():
        section.body_ar = "فقرة صححها الكاتب بعد التصدير."
        section.save()
    result = imported(data, user=editor)
    changed = f"section:{section.pk}:body"
    assert [left.key for left in result.left_out] == [changed]
    assert "changed after the file was exported" in result.left_out[0].reason
    texts = english(article)
    assert texts[changed] == ""
    assert texts["title"] == "English for title"
    found = state_of(article, "en")
    assert (found.state, found.missing_parts) == (State.MISSING, [changed])


def test_a_translation_changed_on_the_site_since_the_export_is_kept(db, editor):
    """Someone corrected the English on the site while the file was out: that version
    stays, and the file's is reported."""
    article = make_article(sections=1, original_language="ar")
    data = filled(exported(article))
    with committed():
        Article.objects.filter(pk=article.pk).update(title_en="Corrected on the site")
    result = imported(data, user=editor)
    assert [left.key for left in result.left_out] == ["title"]
    fresh = Article.objects.get(pk=article.pk)
    assert fresh.title_en == "Corrected on the site"
    assert fresh.lead_en == "English for lead"


def test_a_translation_too_long_for_its_field_is_left_out(db, editor):
    article = arabic_article()
    result = imported(
        filled(exported(article), lambda unit_id: "A" * 301 if unit_id == "title" else "B"),
        user=editor,
    )
    assert [(left.key, left.reason) for left in result.left_out] == [
        ("title", "Too long: 301 characters, where 300 fit.")
    ]
    assert Article.objects.get(pk=article.pk).lead_en == "B"


ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
  <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ar" trgLang="en">
<file id="articles.article:{pk}"><unit id="title"><segment><source>x</source>
<target>&i;</target></segment></unit></file></xliff>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ar" trgLang="en">
<file id="articles.article:{pk}"><unit id="title"><segment><source>x</source>
<target>&secret;</target></segment></unit></file></xliff>"""

XLIFF_1_2 = b"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="articles.article:{pk}" source-language="ar" target-language="en"
 datatype="plaintext">
<body><trans-unit id="title"><source>x</source><target>English</target></trans-unit></body>
</file></xliff>"""


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"Title: English for title\nLead: English for lead\n", id="plain-text"),
        pytest.param(b"", id="empty"),
        pytest.param(
            b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>', id="atom"
        ),
        pytest.param(XLIFF_1_2, id="xliff-1.2"),
        pytest.param(ENTITY_BOMB, id="billion-laughs"),
        pytest.param(EXTERNAL_ENTITY, id="external-entity"),
        pytest.param(b"<xliff", id="broken-xml"),
    ],
)
def test_a_file_that_is_not_xliff_2_is_refused(db, editor, content):
    article = arabic_article()
    with pytest.raises(xliff.XliffRefused) as refusal:
        imported(content.replace(b"{pk}", str(article.pk).encode()), user=editor)
    assert refusal.value.message == "This file is not an XLIFF 2.0 file."
    untouched(article)


def test_a_file_larger_than_the_limit_is_refused_unread(db, editor):
    with pytest.raises(xliff.XliffRefused) as refusal:
        imported(b" " * (xliff.MAX_BYTES + 1), user=editor)
    assert "larger than 10 MB" in refusal.value.message


def test_a_file_for_an_article_that_does_not_exist_is_refused(db, editor):
    article = arabic_article()
    data = filled(exported(article))
    with committed():
        Article.objects.filter(pk=article.pk).delete()
    with pytest.raises(xliff.XliffRefused) as refusal:
        imported(data, user=editor)
    assert "does not exist" in refusal.value.message


def test_a_file_of_the_wrong_languages_is_refused(db, editor):
    article = arabic_article()
    data = filled(exported(article))
    with pytest.raises(xliff.XliffRefused) as into_source:
        imported(data.replace(b'trgLang="en"', b'trgLang="ar"'), user=editor)
    assert "the original language" in into_source.value.message
    with pytest.raises(xliff.XliffRefused) as unknown:
        imported(data.replace(b'trgLang="en"', b'trgLang="fr"'), user=editor)
    assert "not a language of this site" in unknown.value.message
    with pytest.raises(xliff.XliffRefused) as other_source:
        imported(data.replace(b'srcLang="ar"', b'srcLang="en"'), user=editor)
    assert "Export the file again" in other_source.value.message
    untouched(article)


# Who may import


def test_a_translator_imports_into_the_other_language_only(db, make_staff):
    """A translator's file into the article's original language is refused (a forged
    file included); into the other language it is saved."""
    translator = make_staff(TRANSLATORS)
    article = make_article(sections=1, languages=("en",), original_language="en")
    data = filled(exported(article, "ar"), lambda unit_id: "نص عربي")
    forged = data.replace(b'srcLang="en"', b'srcLang="ar"').replace(
        b'trgLang="ar"', b'trgLang="en"'
    )
    with pytest.raises(xliff.XliffRefused):
        imported(forged, user=translator)
    assert Article.objects.get(pk=article.pk).title_en.startswith("Title")
    assert xliff.may_import(translator, article, "en") is False
    result = imported(data, user=translator)
    assert result.imported
    assert Article.objects.get(pk=article.pk).title_ar == "نص عربي"


def test_an_author_imports_only_into_their_own_drafts(db, make_staff):
    author_account = make_staff(AUTHORS)
    byline = make_author(user=author_account)
    mine = arabic_article(status=Status.DRAFT, authors=[byline])
    theirs = arabic_article(authors=[make_author()])
    with pytest.raises(xliff.XliffRefused) as refusal:
        imported(filled(exported(theirs)), user=author_account)
    assert "You may not change" in refusal.value.message
    # Not allowed to see it either: the refusal does not give away its title.
    assert theirs.title_ar not in refusal.value.message
    untouched(theirs)
    assert imported(filled(exported(mine)), user=author_account).imported
    published = arabic_article(authors=[byline])
    with pytest.raises(xliff.XliffRefused):
        imported(filled(exported(published)), user=author_account)
    untouched(published)


# The commands


def command(name, *args):
    out = io.StringIO()
    with translation.override("en"), TestCase.captureOnCommitCallbacks(execute=True):
        call_command(name, *args, stdout=out)
    return out.getvalue()


def test_export_command_writes_to_standard_output_by_default(db):
    article = arabic_article()
    output = command("export_xliff", str(article.pk), "--target", "en")
    root = etree.fromstring(output.encode())
    assert root.find("x:file", NS).get("id") == f"articles.article:{article.pk}"
    assert output.encode() == exported(article)


def test_export_command_writes_a_file_with_output(db, tmp_path):
    article = arabic_article()
    path = tmp_path / "article.xlf"
    output = command("export_xliff", str(article.pk), "--target", "en", "--output", str(path))
    assert path.read_bytes() == exported(article)
    assert str(path) in output


def test_export_command_errors(db):
    article = arabic_article()
    with pytest.raises(CommandError, match="There is no article with the id 0"):
        command("export_xliff", "0", "--target", "en")
    with pytest.raises(CommandError, match="Arabic is the original language"):
        command("export_xliff", str(article.pk), "--target", "ar")
    with pytest.raises(CommandError, match="not something this site translates"):
        command("export_xliff", str(article.pk), "--target", "en", "--model", "auth.user")


def test_import_command_imports_and_says_what_it_left_out(db, tmp_path, editor):
    article = arabic_article()
    path = tmp_path / "translated.xlf"
    path.write_bytes(filled(exported(article)))
    section = article.sections.first()
    with committed():
        section.heading_ar = "عنوان مصحح"
        section.save()
    output = command("import_xliff", str(path), "--user", editor.username)
    # The article by its title in the language of the command's messages.
    assert "Imported 13 parts into English of “English for title”:" in output
    assert "  Title\n" in output
    assert "Left out 1 part:\n  Section 1: heading: Its original was changed" in output
    assert english(article)["title"] == "English for title"
    revision = Version.objects.get_for_object(article).latest("pk").revision
    assert revision.user == editor


def test_import_command_refusals_are_command_errors(db, tmp_path, make_staff):
    article = arabic_article()
    path = tmp_path / "translated.xlf"
    path.write_text("not a translation")
    with pytest.raises(CommandError, match=r"This file is not an XLIFF 2\.0 file"):
        command("import_xliff", str(path))
    with pytest.raises(CommandError, match="Could not read"):
        command("import_xliff", str(tmp_path / "missing.xlf"))
    path.write_bytes(filled(exported(article)))
    with pytest.raises(CommandError, match="There is no account named “nobody”"):
        command("import_xliff", str(path), "--user", "nobody")
    author = make_staff(AUTHORS)
    with pytest.raises(CommandError, match="You may not change"):
        command("import_xliff", str(path), "--user", author.username)
    untouched(article)


# The admin


def export_path(article, language="en", prefix="en"):
    return f"/{prefix}/admin/translations/articles/article/{article.pk}/{language}/xliff/"


def import_path(article=None, prefix="en"):
    path = f"/{prefix}/admin/translations/import/"
    return f"{path}?document=articles.article:{article.pk}" if article else path


@pytest.mark.parametrize("prefix", ["ar", "en"])
def test_the_admin_export_is_a_download(db, login, editor, prefix):
    article = arabic_article()
    response = login(editor).get(export_path(article, prefix=prefix))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xliff+xml"
    assert response["Content-Disposition"] == f'attachment; filename="article-{article.pk}-en.xlf"'
    assert response.content == exported(article)


def test_the_admin_export_is_for_those_who_may_see_the_article(db, login, make_staff):
    article = arabic_article(authors=[make_author()])
    author = login(make_staff(AUTHORS))
    assert author.get(export_path(article)).status_code == 403
    editor = login(make_staff(EDITORS))
    assert editor.get(export_path(article, "ar")).status_code == 404
    assert editor.get(export_path(article, "fr")).status_code == 404


@pytest.mark.parametrize(("prefix", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_the_import_page_of_an_article_offers_its_file_and_an_upload(
    db, login, editor, prefix, direction
):
    article = arabic_article()
    page = html(login(editor).get(import_path(article, prefix)))
    assert page.html["lang"] == prefix and page.html["dir"] == direction
    links = [a["href"] for a in page.select("#content-main a[download]")]
    assert links == [export_path(article, prefix=prefix)]
    form = page.select_one("form#xliff_form")
    assert form["enctype"] == "multipart/form-data"
    assert form.select_one("input[name=document]")["value"] == f"articles.article:{article.pk}"
    field = form.select_one("input[type=file]")
    assert page.select_one(f"label[for={field['id']}]") is not None
    assert field["aria-describedby"] == f"{field['id']}_helptext"


def upload(client, data, article=None, prefix="en"):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            import_path(prefix=prefix),
            {
                "file": SimpleUploadedFile("article.xlf", data, "application/xliff+xml"),
                "document": f"articles.article:{article.pk}" if article else "",
            },
        )


@pytest.mark.parametrize("prefix", ["ar", "en"])
def test_the_admin_import_lists_what_was_imported_and_left_out(db, login, editor, prefix):
    article = arabic_article()
    data = filled(exported(article))
    with committed():
        Article.objects.filter(pk=article.pk).update(lead_ar="مقدمة مصححة.")
    response = upload(login(editor), data, article, prefix)
    assert response.status_code == 200
    page = html(response)
    assert page.html["lang"] == prefix
    with translation.override(prefix):
        labels = {
            part.key: xliff.part_label(part) for part in parts_of(xliff.fetch(Article, article.pk))
        }
    shown = [li.get_text() for li in page.select(".xliff-imported li")]
    heading = f"section:{article.sections.first().pk}:heading"
    assert shown[:2] == [labels["title"], labels[heading]]
    (left,) = page.select(".xliff-left-out tbody tr")
    assert left.th.get_text() == labels["lead"]
    assert english(article)["title"] == "English for title"
    assert english(article)["lead"] == ""


def test_the_admin_refuses_a_file_for_another_article(db, login, editor):
    article, other = arabic_article(), arabic_article()
    response = upload(login(editor), filled(exported(other)), article)
    page = html(response)
    alert = page.select_one(".errornote[role=alert]")
    assert "translation of another document" in alert.get_text()
    assert page.select_one("input[type=file]")["aria-invalid"] == "true"
    untouched(article)
    untouched(other)


def test_the_admin_refuses_a_file_that_is_not_xliff(db, login, editor):
    response = upload(login(editor), b"Just some text")
    alert = html(response).select_one(".errornote[role=alert]")
    assert "This file is not an XLIFF 2.0 file." in alert.get_text()


def test_a_forged_upload_by_a_translator_into_the_original_is_refused(db, login, make_staff):
    """The page offers translators only the other language; a file made up to write the
    original is refused all the same."""
    translator = login(make_staff(TRANSLATORS))
    article = make_article(sections=1, original_language="ar")
    data = filled(exported(article), lambda unit_id: "نص مزور")
    forged = data.replace(b'srcLang="ar"', b'srcLang="en"').replace(
        b'trgLang="en"', b'trgLang="ar"'
    )
    response = upload(translator, forged, article)
    assert html(response).select_one(".errornote[role=alert]") is not None
    assert Article.objects.get(pk=article.pk).title_ar.startswith("Title")


def test_an_author_cannot_open_the_page_of_someone_elses_article(db, login, make_staff):
    article = arabic_article(authors=[make_author()])
    author = login(make_staff(AUTHORS))
    assert author.get(import_path(article)).status_code == 403
    response = upload(author, filled(exported(article)))
    assert html(response).select_one(".errornote[role=alert]") is not None
    untouched(article)


def test_the_xliff_pages_are_valid_html(db, login, editor, tmp_path):
    from tests.checkers import nu_errors

    article = arabic_article()
    client = login(editor)
    data = filled(exported(article))
    with committed():
        Article.objects.filter(pk=article.pk).update(lead_ar="مقدمة مصححة.")
    pages = {
        "import-ar": client.get(import_path(article, "ar")).content,
        "import-en": client.get(import_path(prefix="en")).content,
        "refused": upload(client, b"plain text", article).content,
        "result": upload(client, data, article, "ar").content,
    }
    assert nu_errors(pages, tmp_path) == []


def test_the_history_shows_the_import(db, login, editor):
    article = arabic_article()
    client = login(editor)
    response = upload(client, filled(exported(article)), article)
    count = len(response.context["result"].imported)
    history = html(client.get(f"/en/admin/articles/article/{article.pk}/history/"))
    comment = history.select_one("#change-history tbody tr td:last-child").get_text()
    assert comment == f"Imported a translation into English from an XLIFF file: {count} parts."


def test_other_documents_travel_too(db, editor):
    """An author's biography and a topic's name go out and come back the same way."""
    from articles.models import Topic

    author = make_author(bio_ar="سيرة الكاتب.", name_en="", honorific_en="")
    with committed():
        topic = Topic.objects.create(slug="sahel", name_ar="الساحل")
    for obj in (author, topic):
        data = xliff.export(obj, "en")
        result = imported(filled(data), user=editor)
        assert result.imported and not result.left_out
    author.refresh_from_db()
    topic.refresh_from_db()
    assert (author.bio_en, author.name_en, topic.name_en) == (
        "English for bio",
        "English for name",
        "English for name",
    )


@pytest.mark.browser
def test_a_translator_imports_with_the_keyboard_in_the_arabic_admin(
    browser, live_server, transactional_db, make_staff, tmp_path
):
    """The page of an article in the Arabic admin passes axe; choosing the file and
    pressing Enter on the button imports it, and the result is announced."""
    from playwright.sync_api import expect

    from tests.checkers import AXE_JS, AXE_SERIOUS, require
    from tests.e2e.helpers import sign_in

    translator = make_staff(TRANSLATORS)
    article = arabic_article()
    path = tmp_path / "article.xlf"
    path.write_bytes(filled(exported(article)))
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.add_init_script(require(AXE_JS).read_text(encoding="utf-8"))
    sign_in(page, live_server, translator)
    page.goto(f"{live_server.url}{import_path(article, 'ar')}")
    assert page.evaluate(AXE_SERIOUS) == []
    field = page.locator("input[type=file]")
    field.set_input_files(str(path))
    field.focus()
    page.keyboard.press("Tab")
    expect(page.locator("input[type=submit]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("14")
    assert page.evaluate(AXE_SERIOUS) == []
    context.close()
    assert english(article)["title"] == "English for title"
