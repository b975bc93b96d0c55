import csv

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand

from articles.models import Article
from translations import state
from translations.models import TranslationState

LINE = {
    TranslationState.State.COMPLETE: "{id} {language} complete",
    TranslationState.State.MISSING: "{id} {language} missing {count}",
    TranslationState.State.OUT_OF_DATE: "{id} {language} out-of-date {count}",
}


class Command(BaseCommand):
    help = (
        "Print each article's translation state per language: “<id> <language> complete”, "
        "“<id> <language> missing <n>” or “<id> <language> out-of-date <n>” (n parts)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["text", "csv"], default="text")
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Recompute every article's state from its text first.",
        )

    def handle(self, *args, **options):
        content_type = ContentType.objects.get_for_model(Article)
        ids = Article.objects.values_list("pk", flat=True)
        if options["refresh"]:
            state.refresh(Article, list(ids))
        else:
            # Articles written before this app (or in bulk) get a state now.
            known = TranslationState.objects.filter(document_type=content_type).values(
                "document_id"
            )
            state.refresh(Article, list(ids.exclude(pk__in=known)))
        rows = (
            TranslationState.objects.filter(document_type=content_type)
            .order_by("document_id", "language")
            .values_list("document_id", "language", "state", "missing", "out_of_date")
            .iterator(chunk_size=5000)
        )
        if options["format"] == "csv":
            writer = csv.writer(self.stdout, lineterminator="\n")
            writer.writerow(["id", "language", "state", "missing", "out_of_date"])
            for row in rows:
                writer.writerow(row)
            return
        for document_id, language, found, missing, out_of_date in rows:
            count = missing if found == TranslationState.State.MISSING else out_of_date
            self.stdout.write(LINE[found].format(id=document_id, language=language, count=count))
