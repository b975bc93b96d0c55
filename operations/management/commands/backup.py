from django.core.management.base import BaseCommand, CommandError

from operations import backups


class Command(BaseCommand):
    help = (
        "Write the database and every media file to one archive (a .tar.gz), for "
        "`restore` to put back into an empty install."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to write, e.g. thinktank-2026-11-25.tar.gz")

    def handle(self, *args, path, **options):
        try:
            manifest = backups.back_up(path)
        except backups.BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {manifest['database']} database and "
                f"{manifest['media_files']} media files to {path}."
            )
        )
