"""
The import report: every problem with where it is and its fix, applied or suggested; the
same report from the command and the admin's preview; and a report that agrees with the
save, which refuses exactly what the report says it will.
"""

import io
import json
import re
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import override

from articles import importing
from articles.models import Article
from tests.helpers import html
from tests.importing.helpers import IMPORT_URL, preview_data, read
from tests.importing.test_corpus import CORPUS, EXPECTED, NAMES
from tests.importing.test_corpus import read as read_corpus
from tests.seed import SEED

LEAD = "The lead paragraph of the analysis. It is a sentence or two long, as leads are."
BODY = "The text under the heading, which runs for a sentence or more before it stops."
FIXTURES = SEED.parent / "importing"


def article(*lines):
    return "\n\n".join(lines)


def run(*arguments):
    out, err = io.StringIO(), io.StringIO()
    with override("en"):
        try:
            call_command("import_article", *map(str, arguments), stdout=out, stderr=err)
        except CommandError as error:
            return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def texts(problems):
    return [str(problem) for problem in problems]


@pytest.mark.django_db
@pytest.mark.parametrize("name", NAMES)
@override("en")
def test_every_problem_of_a_corpus_input_has_its_place_and_fix(name):
    """Each item of a report has a fix; dropped lines, bylines and guessed ends are in it."""
    expected = json.loads(EXPECTED[name].read_text(encoding="utf-8"))
    imported, _source = read_corpus(name)
    report = importing.report(imported)
    assert all(problem.done or problem.todo for problem in report), texts(report)
    dropped = [p for p in report if p.left_out]
    assert len(dropped) == len(imported.left_out)
    assert all(p.done == "It was left out of the article." for p in dropped)
    for line in expected["dropped"]:
        assert any(line[:30] in problem.place for problem in dropped), line
    if imported.authors:
        names = [author["name"] for author in expected["authors"]]
        taken = [p.done for p in report if p.done.startswith("It was taken as the authors")]
        assert taken and all(any(n in done for done in taken) for n in names)
        # None of them is on the site: each gets the fix that creates or picks one.
        for author in expected["authors"]:
            fix = f"Create the author “{author['name']}” or pick an existing one"
            assert any(p.todo.startswith(fix) for p in report), author
    for number, section in enumerate(imported.sections, start=1):
        end = section.point_end
        if end is not None and end.guessed:
            place = f"Section {number}, point {end.point}"
            fixes = [p.todo for p in report if p.place == place]
            assert any(f"Check where point {end.point} ends" in fix for fix in fixes), place


@pytest.mark.django_db
@override("en")
def test_the_reference_page_reports_where_its_last_point_ends_and_its_center_news():
    """The reference page: point 4's end is a guess to check; the news lines were dropped."""
    report = importing.report(importing.read_path(SEED))
    assert (
        "Section 3, point 4: The text does not show where point 4 ends. Check where point 4 "
        "ends: the paragraph “Despite this, there are other views…” was taken as the section's "
        "closing text."
    ) in texts(report)
    assert report[0].severity == "warning"
    assert (
        "Line “أخبار المركز”: Center news: not part of the article. It was left out of the article."
    ) in texts(report)


@override("en")
def test_reading_fixes_are_reported_where_they_were_made():
    """A renumbered point, lines kept as lead and a missing title say where and what."""
    renumbered = importing.read_text(
        article("A Title", "4 April 2018", LEAD, "A Heading", "We see:", "1- One.", "3- Two.")
    )
    assert (
        "Section 1, point 2: A point numbered 3 comes where 2 was expected. Points are "
        "numbered by their order: it is point 2."
    ) in texts(importing.report(renumbered))
    untitled = importing.report(importing.read_text(article(LEAD, "A Heading", BODY)))
    assert "Title: No title was found. Mark the title's line as the title in the preview." in (
        texts(untitled)
    )


def long_text(length):
    """Words of ten letters, capitalised as a title's, `length` characters in all."""
    return " ".join(["Xxxxxxxxxx"] * ((length + 1) // 11)).ljust(length, "y")


def parts(**texts):
    """
    The parts of a short article, some of them too long as asked. Reading text never
    gives a kicker or a heading that long (they are short lines by definition); Word
    styles and the editor's corrections can.
    """
    return importing.assemble(
        [
            importing.Part("kicker", texts.get("kicker", "Overlapping Goals")),
            importing.Part("title", texts.get("title", "Why AQIM is Interested in Syria")),
            importing.Part("byline", "By Dr. Jane Smith"),
            importing.Part("date", "4 April 2018"),
            importing.Part("paragraph", LEAD),
            importing.Part("heading", texts.get("heading", "Various Indications")),
            importing.Part("paragraph", "The new approach gives several indications:"),
            importing.Part(
                "point",
                "there are views.",
                lead=texts.get("lead", "Defying International Efforts:"),
            ),
            importing.Part("point", "that the group supports its base.", lead="Sending Messages:"),
            importing.Part("paragraph", "Despite this, there are other views."),
        ],
        "en",
    )


@override("en")
def test_a_too_long_kicker_gets_the_fix_that_says_by_how_much(db):
    """A kicker of 243 characters: shorten it to 200, the report says, or read it as text."""
    imported = parts(kicker=long_text(243))
    (refusal,) = [problem for problem in importing.report(imported) if problem.refuses]
    assert refusal.place == "Kicker"
    assert refusal.message == f"The kicker is too long: “{' '.join(['Xxxxxxxxxx'] * 6)}…”"
    assert refusal.todo == (
        "Shorten the kicker to 200 characters (it has 243), or make it a paragraph if it is one."
    )


TOO_LONG = {
    "kicker": ({"kicker": long_text(243)}, ["Kicker"]),
    "title": ({"title": long_text(320)}, ["Title"]),
    "heading": ({"heading": long_text(305)}, ["Section 1"]),
    "lead phrase": ({"lead": long_text(310)}, ["Section 1, point 1"]),
    "all of them": (
        {
            "kicker": long_text(201),
            "title": long_text(301),
            "heading": long_text(301),
            "lead": long_text(301),
        },
        ["Kicker", "Title", "Section 1", "Section 1, point 1"],
    ),
}


@pytest.mark.parametrize("case", TOO_LONG)
@override("en")
def test_every_refusal_of_the_save_is_in_the_report_with_its_fix(db, case):
    """What the save refuses, the report lists first, each with its place and fix."""
    texts_, places = TOO_LONG[case]
    imported = parts(**texts_)
    report = importing.report(imported)
    with pytest.raises(importing.ImportRefused) as refused:
        importing.create_article(imported)
    assert [problem.place for problem in refused.value.problems] == places
    assert report[: len(places)] == refused.value.problems
    for problem in refused.value.problems:
        assert problem.refuses and problem.todo.startswith("Shorten the ")
        assert str(problem) in refused.value.message
    assert not Article.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", NAMES)
def test_the_report_and_the_save_agree_on_the_corpus(name):
    """For every corpus input: no refusal in the report, and the save succeeds."""
    imported, _source = read_corpus(name)
    assert not [problem for problem in importing.report(imported) if problem.refuses]
    assert importing.create_article(imported).pk


@pytest.mark.django_db
@override("en")
def test_a_translation_that_does_not_fit_is_refused_as_the_report_says():
    """The report on a translation lists the save's refusal, with the fix, before saving."""
    english = importing.create_article(importing.read_path(SEED))
    arabic = (FIXTURES / "why-aqim-ar.txt").read_text(encoding="utf-8")
    imported = importing.read_text(arabic.replace("\n\n4- ", "\n\n", 1))
    report = importing.report(imported, target=english)
    with pytest.raises(importing.ImportRefused) as refused:
        importing.add_translation(imported, english)
    assert refused.value.problems == [problem for problem in report if problem.refuses]
    (problem,) = refused.value.problems
    assert problem.todo == "Correct the headings and points in the preview."
    english.refresh_from_db()
    assert not english.title_ar


def test_the_command_lists_each_problem_with_its_fix(db):
    """The report of the command names each problem's place, and its fix applied or to make."""
    out, _err, error = run(SEED)
    assert error is None
    assert (
        "  Warning: Section 3, point 4: The text does not show where point 4 ends.\n"
        "    Suggested fix: Check where point 4 ends: the paragraph “Despite this, there are "
        "other views…” was taken as the section's closing text.\n"
    ) in out
    assert (
        "  Note: Line “أخبار المركز”: Center news: not part of the article.\n"
        "    Fix applied: It was left out of the article.\n"
    ) in out


def long_title_text(length=320):
    return article(long_text(length), "4 April 2018", LEAD, "A Heading", BODY)


def test_the_command_refuses_a_file_with_the_fix_it_needs(db, tmp_path):
    """A file the save would refuse is refused, its problem listed with its fix."""
    path = tmp_path / "long.txt"
    path.write_text(long_title_text(), encoding="utf-8")
    _out, err, error = run(path, "--as-draft")
    assert error is not None
    assert "  Error: Title: The title is too long: “Xxxxxxxxxx" in err
    assert (
        "    Suggested fix: Shorten the title to 300 characters (it has 320), or make it a "
        "paragraph if it is one.\n"
    ) in err
    assert "Nothing saved: make the fixes above, then import the file again." in err
    assert not Article.objects.exists()


def test_the_folder_table_gives_each_files_first_fix(db, tmp_path):
    """The summary table counts each file's fixes and gives the first one to make."""
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text(long_title_text(), encoding="utf-8")
    shutil.copy(CORPUS / "furniture-en-iraq-gas.txt", tmp_path / "c.txt")
    out, _err, error = run(tmp_path)
    assert error is not None  # b.txt would be refused
    lines = out.splitlines()
    header = next(line for line in lines if line.strip().startswith("file"))
    assert re.split(r"\s{2,}", header.strip()) == [
        "file",
        "result",
        "fixes suggested",
        "fixes applied",
        "first fix to make",
    ]
    rows = {
        line.split()[0]: line for line in lines[lines.index(header) + 1 :] if line.startswith("  ")
    }
    assert rows["a.txt"].split()[1:4] == ["read", "1", "6"]
    assert "Check where point 4 ends" in rows["a.txt"]
    assert rows["b.txt"].split()[1] == "refused"
    assert "Shorten the title to 300 characters (it has 320)" in rows["b.txt"]


@override("en")
def test_the_preview_shows_the_report_with_its_fixes(staff_client, db):
    """The admin's preview lists each problem, its place and its fix, as the command does."""
    text = article(
        long_text(320),
        "By Dr. Jane Smith",
        "4 April 2018",
        LEAD,
        "Various Indications",
        "The new approach gives several indications:",
        "1- Defying International Efforts: there are views.",
        "2- Sending Messages: that the group supports its base.",
        "Despite this, there are other views.",
    )
    response = read(staff_client, text)
    report = html(response).select_one(".import-report")
    assert "1 problem the save refuses, 2 warnings, 1 fix applied." in report.get_text()
    items = [" ".join(li.get_text(" ").split()) for li in report.select(".messagelist li")]
    assert [li["class"] for li in report.select(".messagelist li")] == [
        ["error"],
        ["warning"],
        ["warning"],
        ["info"],
    ]
    assert items[0].startswith("Title: The title is too long")
    assert items[0].endswith(
        "Suggested fix: Shorten the title to 300 characters (it has 320), or make it a "
        "paragraph if it is one."
    )
    assert "Check where point 2 ends" in items[1]
    assert items[2].startswith("Author “Jane Smith”: “Jane Smith” is not on the site yet.")
    assert "Tick “Also add the authors not found as new authors” to add them." in items[2]
    assert items[3].endswith("Fix applied: It was taken as the authors: Dr. Jane Smith.")
    # The save refuses what the report said, and says so the same way.
    again = staff_client.post(
        IMPORT_URL.format(language="en"), {**preview_data(response), "_create": "1"}
    )
    assert again.status_code == 200
    assert not Article.objects.exists()
