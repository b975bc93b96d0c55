from django.core.management.base import BaseCommand, CommandError

from operations import backups


class Command(BaseCommand):
    help = (
        "Put the database and media files of an archive made by `backup` into this "
        "install, which must be empty: a new database and an empty media folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive `backup` wrote.")

    def handle(self, *args, path, **options):
        try:
            manifest = backups.restore(path)
        except backups.BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database and {manifest['media_files']} media files from "
                f"{path} (made {manifest['created']})."
            )
        )
