from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from core.text import join_list, language_name
from translations import xliff
from translations.parts import LANGUAGE_CODES


class Command(BaseCommand):
    help = (
        "Export an article's parts for a translation into one language as an XLIFF 2.0 "
        "file, for translation tools (Trados, memoQ, OmegaT). It goes to standard output "
        "unless --output names a file; import the translated file with import_xliff."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "id", type=int, help="The article's id (of another document with --model)."
        )
        parser.add_argument(
            "--target",
            required=True,
            choices=LANGUAGE_CODES,
            help="The language to translate into.",
        )
        parser.add_argument("--output", help="The file to write (standard output by default).")
        parser.add_argument(
            "--model",
            default="articles.article",
            help="Another kind of translated document: articles.author, articles.topic, "
            "news.newsitem, publications.series, publications.issue.",
        )

    def handle(self, *args, **options):
        app_label, _dot, model_name = options["model"].lower().partition(".")
        model = xliff.document_model(app_label, model_name)
        if model is None:
            raise CommandError(
                gettext("“%(model)s” is not something this site translates.")
                % {"model": options["model"]}
            )
        obj = xliff.fetch(model, options["id"])
        if obj is None:
            raise CommandError(
                gettext("There is no %(kind)s with the id %(id)d.")
                % {"kind": model._meta.verbose_name, "id": options["id"]}
            )
        target, source = options["target"], xliff.source_language(obj)
        if target == source:
            others = [code for code in LANGUAGE_CODES if code != source]
            raise CommandError(
                gettext(
                    "%(language)s is the original language of “%(document)s”: translate it "
                    "into %(others)s."
                )
                % {
                    "language": language_name(target),
                    "document": obj,
                    "others": join_list(language_name(code) for code in others),
                }
            )
        data = xliff.export(obj, target)
        if not options["output"]:
            self.stdout.write(data.decode(), ending="")
            return
        path = Path(options["output"])
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(
                gettext("Could not write %(path)s: %(error)s")
                % {"path": path, "error": error.strerror or error}
            ) from None
        self.stdout.write(
            gettext("Wrote %(path)s: “%(document)s” for a translation into %(language)s.")
            % {"path": path, "document": obj, "language": language_name(target)}
        )
