from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext

from translations import xliff


class Command(BaseCommand):
    help = (
        "Import a translated XLIFF 2.0 file made by export_xliff (or by the admin). Parts "
        "whose original changed since the export are left out and listed; the rest is saved "
        "as one change, with a revision in the article's history. With --user, the change is "
        "that person's and their role's rules apply."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The translated .xlf file.")
        parser.add_argument("--user", help="The staff account the change is saved as (user name).")

    def handle(self, *args, **options):
        user = None
        if options["user"]:
            try:
                user = get_user_model()._default_manager.get_by_natural_key(options["user"])
            except get_user_model().DoesNotExist:
                raise CommandError(
                    gettext("There is no account named “%(name)s”.") % {"name": options["user"]}
                ) from None
        path = Path(options["file"])
        try:
            with path.open("rb") as file:
                data = file.read(xliff.MAX_BYTES + 1)
        except OSError as error:
            raise CommandError(
                gettext("Could not read %(path)s: %(error)s")
                % {"path": path, "error": error.strerror or error}
            ) from None
        try:
            result = xliff.import_file(data, user=user)
        except xliff.XliffRefused as refusal:
            raise CommandError(refusal.message) from None
        self.report(result)

    def report(self, result):
        place = {"language": result.language_name, "document": result.document}
        count = len(result.imported)
        if count:
            self.stdout.write(
                ngettext(
                    "Imported %(count)d part into %(language)s of “%(document)s”:",
                    "Imported %(count)d parts into %(language)s of “%(document)s”:",
                    count,
                )
                % {**place, "count": count}
            )
            for _key, label in result.imported:
                self.stdout.write(f"  {label}")
        else:
            self.stdout.write(
                gettext("Nothing was imported into %(language)s of “%(document)s”.") % place
            )
        if result.left_out:
            self.stdout.write(
                ngettext(
                    "Left out %(count)d part:",
                    "Left out %(count)d parts:",
                    len(result.left_out),
                )
                % {"count": len(result.left_out)}
            )
            for left in result.left_out:
                self.stdout.write(f"  {left.label}: {left.reason}")
        if result.unchanged:
            self.stdout.write(
                ngettext(
                    "%(count)d part was already translated so.",
                    "%(count)d parts were already translated so.",
                    len(result.unchanged),
                )
                % {"count": len(result.unchanged)}
            )
        if result.untranslated:
            self.stdout.write(
                ngettext(
                    "%(count)d part has no translation in the file and was left as it is.",
                    "%(count)d parts have no translation in the file and were left as they are.",
                    len(result.untranslated),
                )
                % {"count": len(result.untranslated)}
            )
