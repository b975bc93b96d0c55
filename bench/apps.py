from django.apps import AppConfig


class BenchConfig(AppConfig):
    """
    Benchmarks, not the product: `manage.py seed_bench` fills a database with many
    bilingual articles (and removes them), for bench/run.py and bench/README.md. It sits
    above every app and nothing imports it.
    """

    name = "bench"
    verbose_name = "Benchmarks"
