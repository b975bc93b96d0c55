from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from tqdm import tqdm

from articles import importing
from articles.models import Article
from core.text import join_names


class Command(BaseCommand):
    help = (
        "Read an article from a .txt or .docx file (or every such file in a folder) and "
        "print the structure found: kicker, title, date, sections, numbered points, "
        "paragraphs. With --as-draft each file becomes a new draft article; with "
        "--translation-of ID the file becomes the other language of that article. "
        "Without either, nothing is saved."
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

        failed = 0
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
            stream = self.stdout._out
            try:
                lines, warnings = self.import_file(
                    file,
                    options["language"],
                    options["as_draft"],
                    target,
                    user,
                    create_authors=options["create_authors"],
                )
                results.append(
                    (
                        file.name,
                        gettext("imported") if options["as_draft"] or target else gettext("read"),
                        warnings,
                    )
                )
            except importing.ImportRefused as refusal:
                failed += 1
                lines = [self.style.ERROR(f"{file.name}: {refusal.message}")]
                stream = self.stderr._out
                results.append((file.name, gettext("refused"), 0))
            for line in lines:
                # Printed above the bar so that the bar is not torn.
                progress.write(line, file=stream)
        progress.close()
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
        """One line per file: its name, what became of it, how many warnings it had."""
        headings = (gettext("file"), gettext("result"), gettext("warnings"))
        rows = [headings, *((name, result, str(count)) for name, result, count in results)]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
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
        """The lines to print about `file` and its number of warnings; saves it if asked."""
        imported = importing.read_path(file, language)
        found = [imported.language_name]
        if imported.kicker:
            found.append(gettext("kicker “%(kicker)s”") % {"kicker": imported.kicker})
        if imported.title:
            found.append(gettext("title “%(title)s”") % {"title": imported.title})
        if imported.date:
            found.append(gettext("date %(date)s") % {"date": imported.date.isoformat()})
        if imported.authors:
            names = [" ".join(filter(None, (a.honorific, a.name))) for a in imported.authors]
            found.append(gettext("by %(authors)s") % {"authors": join_names(names)})
        found.append(imported.summary())
        lines = [f"{file.name}: {'; '.join(found)}."]
        for part in imported.left_out:
            lines.append(
                "  "
                + gettext("Left out (%(reason)s): %(text)s")
                % {"reason": importing.Reason(part.reason).label, "text": part.text}
            )
        lines += [
            "  " + gettext("Warning: %(warning)s") % {"warning": w} for w in imported.warnings
        ]
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
        return lines, len(imported.warnings)


def admin_url(article, language):
    """The article's change page in the admin of the language it was imported in."""
    with translation.override(language):
        return reverse("admin:articles_article_change", args=[article.pk])
