"""RSS and Atom feeds of the latest analyses, per language, per topic and per kind."""

import copy

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import get_language, gettext

from core.site import site_name
from core.text import join_names

from .models import Article, Kind, Topic
from .templatetags.text import Body
from .views import with_authors, written_in

FEED_LENGTH = 20


class LatestRssFeed(Feed):
    def title(self, obj=None):
        return gettext("%(site)s: latest analyses") % {"site": site_name()}

    def description(self, obj=None):
        return gettext("The latest analyses from %(site)s.") % {"site": site_name()}

    def link(self, obj=None):
        return reverse("articles:list")

    def get_feed(self, obj, request):
        # A lead's figures need the request for their images' absolute addresses. This
        # object serves every request at once: a copy of it holds this one's.
        feed = copy.copy(self)
        feed.request = request
        return super(LatestRssFeed, feed).get_feed(obj, request)

    def articles(self):
        # Sections, points and figures are read for the notes and figures of a lead
        # (item_description).
        return with_authors(Article.objects.published_in(get_language())).prefetch_related(
            "topics", "sections__indications", "figures"
        )

    def items(self, obj=None):
        return self.articles()[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        # Feed readers show a description as HTML: the summary is escaped, so that it
        # reaches them as the words it is; without one, the lead is shown the way the page
        # shows it (lists, quotations, figures, its notes), built from sanitised text all
        # the same, its images at absolute addresses.
        if article.summary:
            return escape(article.summary)
        # Notes are numbered over the whole article, as on its page; the lead's are listed.
        body = Body.of_article(
            article,
            article.sections.all(),
            article.figures.all(),
            absolute=self.request.build_absolute_uri,
        )
        lead = format_html_join("\n", "{}", ((block.html,) for block in body.render(article.lead)))
        return format_html("{}\n{}", lead, body.notes.html(only_referenced=True))

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return join_names(author.byline for author in article.authors.all()) or None

    def item_categories(self, article):
        return [topic.name for topic in article.topics.all() if topic.name]


class LatestAtomFeed(LatestRssFeed):
    feed_type = Atom1Feed
    subtitle = LatestRssFeed.description


class GroupRssFeed(LatestRssFeed):
    """The latest articles of one topic or kind of publication (`model`, which the
    article's `relation` points to)."""

    model = None
    relation = None
    page = None  # the name of the group's page

    def get_object(self, request, slug):
        return get_object_or_404(
            written_in(self.model.objects.all(), "name", get_language()), slug=slug
        )

    def link(self, group):
        return reverse(self.page, args=[group.slug])

    def items(self, group):
        return self.articles().filter(**{self.relation: group})[:FEED_LENGTH]


class TopicRssFeed(GroupRssFeed):
    model = Topic
    relation = "topics"
    page = "articles:topic"

    def title(self, topic):
        return gettext("%(site)s: %(topic)s") % {"site": site_name(), "topic": topic.name}

    def description(self, topic):
        return gettext("The latest analyses on %(topic)s.") % {"topic": topic.name}


class TopicAtomFeed(TopicRssFeed):
    feed_type = Atom1Feed
    subtitle = TopicRssFeed.description


class KindRssFeed(GroupRssFeed):
    model = Kind
    relation = "kind"
    page = "articles:kind"

    def title(self, kind):
        return gettext("%(site)s: %(kind)s") % {"site": site_name(), "kind": kind.name}

    def description(self, kind):
        return gettext("The latest from %(site)s: %(kind)s.") % {
            "site": site_name(),
            "kind": kind.name,
        }


class KindAtomFeed(KindRssFeed):
    feed_type = Atom1Feed
    subtitle = KindRssFeed.description
