"""
The import report: every problem of an imported article, where it is, and its fix, done
by the importer or to be done by the editor. `import_article` prints it and the admin's
preview shows it; both run it on the article as it would be saved (in the preview, again
after each correction), so that it lists every refusal the save would make.
"""

from django.utils.translation import gettext, ngettext

from core.text import join_list, join_names

from .refusals import Problem, excerpt, point_place
from .rules import parse_byline
from .saving import length_problems, match_authors, translation_problems
from .structure import Role


def report(imported, *, target=None, create_authors=False, how_to_create=""):
    """
    The problems of `imported`, those the save refuses first, then those with a fix to
    make, then the fixes the importer made. `target` is the article the text would become
    the other language of; `create_authors`, whether authors not on the site will be
    added; `how_to_create`, a sentence saying how to ask for that where the editor is.
    """
    problems = [*length_problems(imported)]
    if target is not None:
        problems += translation_problems(imported, target)
    problems += imported.warnings
    problems += structure_problems(imported, translation=target is not None)
    if target is None:
        problems += byline_problems(imported, create_authors, how_to_create)
    problems += [
        Problem(
            f"{part.reason_label}.",
            # The line as the editor has it, with its bullet or number.
            place=gettext("Line “%(line)s”")
            % {"line": excerpt(" ".join(filter(None, (part.marker, part.text))), 12)},
            done=gettext("It was left out of the article."),
            left_out=True,
        )
        for part in imported.left_out
    ]
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(problems, key=lambda problem: order[problem.severity])


def structure_problems(imported, *, translation=False):
    """
    What the article's own structure shows wrong: a missing part, a guessed boundary. A
    translation takes its date from the article it is added to.
    """
    problems = []
    if not imported.title:
        problems.append(
            Problem(
                gettext("No title was found."),
                place=str(Role.TITLE.label),
                todo=gettext("Mark the title's line as the title in the preview."),
            )
        )
    if imported.date is None and not translation:
        problems.append(
            Problem(
                gettext("No publication date was found."),
                place=str(Role.DATE.label),
                todo=gettext(
                    "Mark the date's line as the date in the preview if the text has one, "
                    "or set the date on the draft's page."
                ),
            )
        )
    if not imported.sections:
        problems.append(
            Problem(
                gettext("No section headings or numbered points were found."),
                done=gettext("The text was kept as lead paragraphs."),
                todo=gettext("Mark headings and points in the preview if it has some."),
            )
        )
    for number, section in enumerate(imported.sections, start=1):
        bare = [m for m, point in enumerate(section.indications, start=1) if not point.title]
        if bare:
            problems.append(
                Problem(
                    ngettext(
                        "Point %(points)s has no lead phrase.",
                        "Points %(points)s have no lead phrase.",
                        len(bare),
                    )
                    % {"points": join_names(bare)},
                    place=point_place(number),
                    todo=gettext(
                        "Set the lead phrase in the preview where a point has one; a point "
                        "can also do without."
                    ),
                )
            )
        end = section.point_end
        if end is not None and end.guessed:
            problems.append(guessed_end(section, end))
    return problems


def guessed_end(section, end):
    """Where a point ends was guessed: name the paragraph on the other side of the guess."""
    if section.closing_sources:
        todo = gettext(
            "Check where point %(point)d ends: the paragraph “%(start)s” was taken as the "
            "section's closing text."
        ) % {"point": end.point, "start": excerpt(section.closing[0])}
    else:
        todo = gettext(
            "Check where point %(point)d ends: its last paragraph, “%(start)s”, was kept in it."
        ) % {"point": end.point, "start": excerpt(section.indications[-1].paragraphs[-1])}
    return Problem(
        gettext("The text does not show where point %(point)d ends.") % {"point": end.point},
        place=point_place(end.section, end.point),
        todo=todo,
    )


def byline_problems(imported, create_authors, how_to_create):
    """The byline taken as the authors, and each author who is not on the site yet."""
    problems = []
    for part in imported.parts:
        byline = part.role == Role.BYLINE and parse_byline(part.text, bare=True)
        if byline:
            names = [" ".join(filter(None, author)) for author in byline[1]]
            problems.append(
                Problem(
                    gettext("“%(line)s” is a byline, not the article's text.")
                    % {"line": part.text},
                    place=str(Role.BYLINE.label),
                    done=gettext("It was taken as the authors: %(authors)s.")
                    % {"authors": join_names(names)},
                )
            )
    for author, found in match_authors(imported):
        if found is not None:
            continue
        place = gettext("Author “%(name)s”") % {"name": author.name}
        message = gettext("“%(name)s” is not on the site yet.") % {"name": author.name}
        if create_authors:
            done = gettext("The author will be added to the site.")
            problems.append(Problem(message, place=place, done=done))
        else:
            todo = gettext(
                "Create the author “%(name)s” or pick an existing one on the draft's page."
            ) % {"name": author.name}
            todo = f"{todo} {how_to_create}".strip()
            problems.append(Problem(message, place=place, todo=todo))
    return problems


def counts(problems):
    """“1 problem the save refuses, 2 warnings, 5 fixes applied”: a report in one line."""
    errors = sum(1 for problem in problems if problem.severity == "error")
    warnings = sum(1 for problem in problems if problem.severity == "warning")
    applied = sum(1 for problem in problems if problem.done)
    texts = []
    if errors:
        texts.append(
            ngettext(
                "%(count)d problem the save refuses",
                "%(count)d problems the save refuses",
                errors,
            )
            % {"count": errors}
        )
    if warnings:
        texts.append(
            ngettext("%(count)d warning", "%(count)d warnings", warnings) % {"count": warnings}
        )
    if applied:
        texts.append(
            ngettext("%(count)d fix applied", "%(count)d fixes applied", applied)
            % {"count": applied}
        )
    return join_list(texts)
