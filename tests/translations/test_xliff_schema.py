"""
The XLIFF the site gives outside translators validates against the OASIS XLIFF 2.0 core
schema (tests/fixtures/xliff/README.md says where the schema comes from).
"""

from pathlib import Path

import pytest
from lxml import etree

from tests.factories import make_article, make_author, make_news
from translations import xliff

SCHEMA = Path(__file__).resolve().parent.parent / "fixtures" / "xliff" / "xliff_core_2.0.xsd"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def exported(obj, language):
    data = xliff.export(obj, language)
    return etree.fromstring(data if isinstance(data, bytes) else data.encode())


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_exported_article_is_valid_xliff_2(db, schema, language):
    """With sections, points, a part never translated, and the other way round."""
    article = make_article(
        sections=2,
        points=2,
        original_language="ar" if language == "en" else "en",
        summary_ar="ملخص بالعربية فقط.",
        kicker_en="Only in English <b>&</b> “quoted”",
    )
    document = exported(article, language)
    schema.assertValid(document)
    assert document.get("version") == "2.0"
    assert document.get("trgLang") == language
    assert len(document.findall(".//{urn:oasis:names:tc:xliff:document:2.0}unit")) > 8


def test_an_article_in_one_language_exports_valid_xliff_without_targets(db, schema):
    article = make_article(sections=1, points=1, languages=("ar",), original_language="ar")
    document = exported(article, "en")
    schema.assertValid(document)
    targets = document.findall(".//{urn:oasis:names:tc:xliff:document:2.0}target")
    assert not [target for target in targets if (target.text or "").strip()]


def test_other_documents_export_valid_xliff(db, schema):
    for obj in (make_author(), make_news()):
        schema.assertValid(exported(obj, "en"))


def test_the_schema_refuses_what_is_not_xliff_2(schema):
    """The check can fail: an XLIFF 1.2 file is not valid against it."""
    old = etree.fromstring(
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        b'<file source-language="ar" datatype="plaintext" original="x"><body/></file></xliff>'
    )
    assert not schema.validate(old)
