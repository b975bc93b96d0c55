from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load the demo content: the reference analysis in Arabic and English, its author, "
        "a few topics and the center news. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        # Each app loads its own part (its AppConfig.load_demo(), returning how many
        # objects it made), in the order of INSTALLED_APPS: what an app's demo content
        # refers to is loaded before it.
        with transaction.atomic():
            count = sum(
                app_config.load_demo()
                for app_config in apps.get_app_configs()
                if hasattr(app_config, "load_demo")
            )
        self.stdout.write(
            self.style.SUCCESS(f"Demo content loaded: {count} new objects.")
            if count
            else "Demo content already loaded: nothing changed."
        )
