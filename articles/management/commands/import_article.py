from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext
from tqdm import tqdm

from articles import importing
from articles.models import Article
from core.text import join_names

# The longest a cell of the summary table gets: a fix in full is in the file's listing.
DETAIL_WIDTH = 80


class Outcome(NamedTuple):
    """What became of one file: the lines printed about it, and its row of the table."""

    name: str
    result: str
    lines: list
    problems: list
    refused: bool = False
    # Why a file that could not be read was refused: its row's detail.
    refusal: str = ""


class Command(BaseCommand):
    help = (
        "Read an article from a .txt or .docx file (or every such file in a folder) and "
        "print the structure found (kicker, title, date, sections, numbered points, "
        "paragraphs) and its report: every problem, where it is, and the fix applied or "
        "suggested, among them all the save would refuse. With --as-draft each file becomes "
        "a new draft article; with --translation-of ID the file becomes the other language "
        "of that article; a file with a problem the save refuses is not saved. Without "
        "either, nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A .txt or .docx file, or a folder of them.")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help="The text's language; by default it is told from the script.",
        )
        parser.add_argument(
            "--as-draft", action="store_true", help="Create each article as a draft."
        )
        parser.add_argument(
            "--translation-of",
            type=int,
            metavar="ID",
            help="Add the text as the other language of the article with this id.",
        )
        parser.add_argument(
            "--user", help="The username recorded as the article's creator and in its history."
        )
        parser.add_argument(
            "--create-authors",
            action="store_true",
            help="With --as-draft, add the byline's authors who are not on the site yet "
            "(otherwise only authors already on the site are attached).",
        )

    def handle(self, *args, **options):
        path = Path(options["path"])
        user = self.user(options["user"])
        target = None
        if options["translation_of"] is not None:
            if options["as_draft"]:
                raise CommandError(gettext("Use either --as-draft or --translation-of, not both."))
            target = Article.objects.filter(pk=options["translation_of"]).first()
            if target is None:
                raise CommandError(
                    gettext("There is no article with id %(id)s.")
                    % {"id": options["translation_of"]}
                )
        if path.is_dir():
            if target is not None:
                raise CommandError(gettext("--translation-of takes one file, not a folder."))
            files = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in importing.SUFFIXES
            )
            if not files:
                raise CommandError(gettext("%(path)s has no .txt or .docx files.") % {"path": path})
        elif path.exists():
            files = [path]
        else:
            raise CommandError(gettext("%(path)s does not exist.") % {"path": path})

        # What became of each file, for the table printed at the end of a folder.
        results = []
        # The bar goes to the raw error stream: Django's wrapper would end every redraw
        # with a new line. It is only drawn for folders.
        progress = tqdm(
            files,
            file=self.stderr._out,
            disable=len(files) == 1,
            unit=gettext("file"),
            # Redrawn after every file: a file takes longer than a redraw.
            mininterval=0,
        )
        for file in progress:
            outcome = self.import_file(
                file,
                options["language"],
                options["as_draft"],
                target,
                user,
                create_authors=options["create_authors"],
            )
            results.append(outcome)
            stream = self.stderr._out if outcome.refused else self.stdout._out
            for line in outcome.lines:
                # Printed above the bar so that the bar is not torn.
                progress.write(line, file=stream)
        progress.close()
        failed = sum(1 for outcome in results if outcome.refused)
        if len(files) > 1:
            self.write_table(results)
            self.stdout.write(
                ngettext(
                    "%(done)d of %(count)d file read.",
                    "%(done)d of %(count)d files read.",
                    len(files),
                )
                % {"done": len(files) - failed, "count": len(files)}
            )
        if failed:
            raise CommandError(
                ngettext(
                    "%(count)d file could not be imported.",
                    "%(count)d files could not be imported.",
                    failed,
                )
                % {"count": failed}
            )

    def write_table(self, results):
        """
        One line per file: its name, what became of it, how many fixes its report
        suggests and how many the importer applied, and the first fix to make (why it was
        refused, for a file that could not be read).
        """
        headings = (
            gettext("file"),
            gettext("result"),
            gettext("fixes suggested"),
            gettext("fixes applied"),
            gettext("first fix to make"),
        )
        rows = [headings]
        for outcome in results:
            suggested = [
                f"{problem.place}: {problem.todo}" if problem.place else problem.todo
                for problem in outcome.problems
                if problem.todo
            ]
            applied = sum(1 for problem in outcome.problems if problem.done)
            detail = outcome.refusal or (suggested[0] if suggested else "")
            if len(detail) > DETAIL_WIDTH:
                detail = detail[: DETAIL_WIDTH - 1].rstrip() + "…"
            if len(suggested) > 1:
                more = len(suggested) - 1
                detail += " " + ngettext(
                    "(and %(count)d more fix)", "(and %(count)d more fixes)", more
                ) % {"count": more}
            rows.append((outcome.name, outcome.result, str(len(suggested)), str(applied), detail))
        widths = [max(len(row[column]) for row in rows) for column in range(len(headings))]
        for row in rows:
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            # Indented, as the details of each file above are.
            self.stdout.write(("  " + "  ".join(cells)).rstrip())

    def user(self, username):
        if not username:
            return None
        model = get_user_model()
        try:
            return model.objects.get_by_natural_key(username)
        except model.DoesNotExist:
            raise CommandError(
                gettext("There is no user “%(name)s”.") % {"name": username}
            ) from None

    def import_file(self, file, language, as_draft, target, user, *, create_authors=False):
        """
        Read `file` and report on it; save it when asked and its report has no problem
        the save refuses (the save would refuse it too, with the same problems).
        """
        try:
            imported = importing.read_path(file, language)
        except importing.ImportRefused as refusal:
            lines = [self.style.ERROR(f"{file.name}: {refusal.message}")]
            return Outcome(file.name, gettext("refused"), lines, [], True, refusal.message)
        problems = importing.report(
            imported,
            target=target,
            create_authors=create_authors,
            how_to_create=""
            if create_authors
            else gettext("--create-authors adds the authors not on the site."),
        )
        lines = [f"{file.name}: {'; '.join(self.found(imported))}."]
        for problem in problems:
            lines += problem_lines(problem)
        if any(problem.refuses for problem in problems):
            lines.append(
                "  " + gettext("Nothing saved: make the fixes above, then import the file again.")
            )
            return Outcome(file.name, gettext("refused"), lines, problems, True)
        try:
            if as_draft:
                article = importing.create_article(
                    imported, user=user, source=file.name, create_authors=create_authors
                )
                lines.append(
                    "  "
                    + gettext("Created draft %(id)d: %(url)s")
                    % {"id": article.pk, "url": admin_url(article, imported.language)}
                )
            elif target is not None:
                article = importing.add_translation(imported, target, user=user, source=file.name)
                lines.append(
                    "  "
                    + gettext("Added %(language)s to article %(id)d: %(url)s")
                    % {
                        "language": imported.language_name,
                        "id": article.pk,
                        "url": admin_url(article, imported.language),
                    }
                )
            else:
                lines.append("  " + gettext("Nothing saved: add --as-draft to create the article."))
                return Outcome(file.name, gettext("read"), lines, problems)
        except importing.ImportRefused as refusal:
            # Changed meanwhile (a translation typed into the article): the save's own
            # problems, listed as the report lists them.
            for problem in refusal.problems:
                lines += problem_lines(problem)
            return Outcome(file.name, gettext("refused"), lines, problems, True, refusal.message)
        return Outcome(file.name, gettext("imported"), lines, problems)

    def found(self, imported):
        """What the file was read as: language, kicker, title, date, byline, structure."""
        found = [imported.language_name]
        if imported.kicker:
            found.append(gettext("kicker “%(kicker)s”") % {"kicker": imported.kicker})
        if imported.title:
            found.append(gettext("title “%(title)s”") % {"title": imported.title})
        if imported.date:
            found.append(gettext("date %(date)s") % {"date": imported.date.isoformat()})
        if imported.authors:
            names = [" ".join(filter(None, author)) for author in imported.authors]
            found.append(gettext("by %(authors)s") % {"authors": join_names(names)})
        found.append(imported.summary())
        return found


def problem_lines(problem):
    """One item of the report: its kind, place and what is wrong, then its fix."""
    kind = {
        "error": pgettext("import report", "Error"),
        "warning": pgettext("import report", "Warning"),
        "info": pgettext("import report", "Note"),
    }[problem.severity]
    what = f"{problem.place}: {problem.message}" if problem.place else problem.message
    lines = [f"  {kind}: {what}"]
    if problem.done:
        lines.append("    " + gettext("Fix applied: %(fix)s") % {"fix": problem.done})
    if problem.todo:
        lines.append("    " + gettext("Suggested fix: %(fix)s") % {"fix": problem.todo})
    return lines


def admin_url(article, language):
    """The article's change page in the admin of the language it was imported in."""
    with translation.override(language):
        return reverse("admin:articles_article_change", args=[article.pk])
