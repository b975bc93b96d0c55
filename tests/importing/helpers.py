"""Helpers of the import tests: building Word files, and driving the admin's import page."""

import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from tests.helpers import html

POINTS = [
    ("Defying International Efforts.", " There are views that the group defies its enemies."),
    ("Sending out Implicit Messages", " that AQIM was able to support its terrorist base."),
    ("Reducing Pressure", ". The organization increased its activity in the region."),
]


def docx_bytes(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_link(paragraph, text, url):
    """A real Word hyperlink (python-docx can read them but has no call to write one)."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def analysis():
    """A Word analysis as staff write it: a Title, headings, a numbered list, bold leads."""
    document = docx.Document()
    document.add_paragraph("Overlapping Goals")
    document.add_heading("Why AQIM is Interested in Syria", level=0)
    document.add_paragraph("4 April 2018")
    document.add_paragraph("The first lead paragraph, which sets out the argument.")
    document.add_heading("Various Indications", level=1)
    document.add_paragraph("The new approach gives several indications:")
    for lead, rest in POINTS:
        paragraph = document.add_paragraph(style="List Number")
        paragraph.add_run(lead).bold = True
        paragraph.add_run(rest)
    continued = document.add_paragraph("A second paragraph of the third point.")
    continued.paragraph_format.left_indent = Cm(1)
    document.add_paragraph("Despite this, there are other views.")
    return document


IMPORT_URL = "/{language}/admin/articles/article/import/"


def read(client, text="", language="en", **data):
    """Step one: paste (or upload) and ask for the structure."""
    return client.post(
        IMPORT_URL.format(language=language),
        {"text": text, "language": "", "translation_of": "", **data},
    )


def preview_data(response):
    """What a browser would post back from the preview form as rendered."""
    form = html(response).find("form", id="import_preview")
    assert form is not None, html(response).select(".errorlist")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") == "submit":
            continue
        if field.name == "textarea":
            data[name] = field.get_text().removeprefix("\n")
        elif field.name == "select":
            selected = field.find("option", selected=True)
            data[name] = selected["value"] if selected else ""
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = "on"
        else:
            data[name] = field.get("value", "")
    return data


def part_index(data, text_start):
    """The number of the part whose text starts with `text_start`."""
    for key, value in data.items():
        if key.endswith("-text") and value.startswith(text_start):
            return key.split("-")[1]
    raise AssertionError(text_start)


def preview_of(response):
    page = html(response)
    return page.select_one("article.import-preview")
