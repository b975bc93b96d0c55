from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Articles and authors")

    def ready(self):
        from core import caching

        from .models import (
            Article,
            Author,
            Authorship,
            Figure,
            Indication,
            Kind,
            Section,
            Topic,
            article_cache_tag,
        )

        # What a save makes stale in the reader cache (core/caching.py): an article's own
        # pages and the listings; an author's, a topic's or a kind's pages and the listings.
        def of_article(article_id):
            return (article_cache_tag(article_id), caching.LISTINGS) if article_id else ()

        def of_indication(indication):
            section = Section.objects.filter(pk=indication.section_id)
            return of_article(section.values_list("article_id", flat=True).first())

        def of_topics_link(row):
            # article.topics.set(…) or topic.articles.add(…): either side's row.
            if isinstance(row, Article):
                return of_article(row.pk)
            return (f"topic:{row.pk}", caching.LISTINGS)

        caching.invalidate_on_change(Article, lambda article: of_article(article.pk))
        caching.invalidate_on_change(Section, lambda section: of_article(section.article_id))
        caching.invalidate_on_change(Authorship, lambda byline: of_article(byline.article_id))
        caching.invalidate_on_change(Indication, of_indication)
        caching.invalidate_on_change(Figure, lambda figure: of_article(figure.article_id))
        caching.invalidate_on_change(
            Author, lambda author: (f"author:{author.pk}", caching.LISTINGS)
        )
        caching.invalidate_on_change(Topic, lambda topic: (f"topic:{topic.pk}", caching.LISTINGS))
        caching.invalidate_on_change(Kind, lambda kind: (f"kind:{kind.pk}", caching.LISTINGS))
        caching.invalidate_on_relation_change(Article.topics.through, of_topics_link)
        # Articles go live at their publication time, without a job to run.
        caching.publishes_on_schedule(Article.objects.going_live_later)

        # An upload left by a failing request is removed; a saved one gets its renditions.
        from . import images

        images.watch_requests()
        images.watch_uploads("articles.Article", ["image"])
        images.watch_uploads("articles.Author", ["photo"])
        images.watch_uploads("articles.Figure", ["image"])

    def desk_panels(self, request):
        """The lists of the admin's home page for this person (articles/desk.py)."""
        from .desk import panels

        return panels(request)

    def load_demo(self):
        """The demo analyses, their authors and topics (manage.py load_demo); returns how
        many objects were made."""
        from .demo import load

        return load()
