from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.utils import get_language as active_language

from core.models import Publishable, PublishableQuerySet, Status
from search.documents import Searchable
from search.indexes import SearchIndex
from search.text import clean

from . import images
from .templatetags.text import (
    FIGURE_LABEL,
    figure_key,
    figure_labels,
    next_figure_label,
    plain_text,
)


def article_cache_tag(article_id):
    """The reader-cache tag of what shows an article (its pages, its rendered body)."""
    return f"article:{article_id}"


def ordered_position_constraint(parent, name):
    """
    Keep the positions of one parent's children distinct.

    The check is deferred to the end of the transaction so that the admin can swap two
    children's places in one save. Databases without deferrable constraints (SQLite) skip
    it; the admin's formset still refuses two children with the same position.
    """
    return models.UniqueConstraint(
        fields=[parent, "position"],
        name=name,
        deferrable=models.Deferrable.DEFERRED,
    )


def paragraphs(text):
    """Split text an editor wrote into paragraphs: blank lines separate them."""
    blocks = (block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n"))
    return [" ".join(block.split()) for block in blocks if block]


def first_filled(*values):
    return next((value for value in values if value), "")


def with_published_articles(queryset, relation, language):
    """
    Rows of `queryset` (authors, topics: `relation` is the article's field that points to
    them) named in `language` and with an article published in it. EXISTS stops at the
    first such article of each row, where a join with DISTINCT would read every published
    article of the archive.
    """
    published = Article.objects.published_in(language).filter(**{relation: OuterRef("pk")})
    return queryset.filter(**{f"name_{language}__gt": ""}).filter(Exists(published))


class AuthorQuerySet(models.QuerySet):
    def with_work_published_in(self, language):
        """
        Authors named in `language` with an article published in it: those readers of the
        language can meet. Finding them reads every published byline of the archive, and
        the answer changes only with content, so their ids are remembered until it does.
        """
        from core import caching

        def find():
            found = with_published_articles(Author.objects.all(), "authors", language)
            return list(found.values_list("pk", flat=True))

        ids = caching.remember(f"authors-with-work:{language}", [caching.LISTINGS], find)
        return self.filter(pk__in=ids)


class Author(models.Model):
    class Gender(models.TextChoices):
        MASCULINE = "m", _("Masculine (يكتب)")
        FEMININE = "f", _("Feminine (تكتب)")

    name = models.CharField(_("name"), max_length=200)
    honorific = models.CharField(
        _("honorific"),
        max_length=50,
        blank=True,
        help_text=_("Written before the name, e.g. “د.” / “Dr.”, “أ. د.” / “Prof.”."),
    )
    position = models.CharField(
        pgettext_lazy("author's title or job", "position"),
        max_length=200,
        blank=True,
        help_text=_("The author's role or title, e.g. “Senior researcher”."),
    )
    bio = models.TextField(
        _("biography"), blank=True, help_text=_("A short paragraph about the author.")
    )
    gender = models.CharField(
        _("grammatical gender"),
        max_length=1,
        choices=Gender.choices,
        default=Gender.MASCULINE,
        help_text=_("Decides “يكتب” or “تكتب” when the center news announces their articles."),
    )
    photo = models.ImageField(
        _("photo"), upload_to="authors/", blank=True, validators=[images.validate_upload]
    )
    photo_alt = models.CharField(
        _("photo description (alt text)"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the photo shows, for readers who cannot see it, e.g. “Ibrahim Fawzy "
            "speaking at a conference”. Needed in each language when there is a photo."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text=_("The author's address on the site; Arabic letters are allowed."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        help_text=_("The staff account this author signs in with, if any."),
    )
    # Normalised words for the site search and their tsvector, written by the search
    # app (search/documents.py). A few hundred rows: no index needed.
    search_document_ar = models.TextField(_("search document"), blank=True, editable=False)
    search_document_en = models.TextField(_("search document"), blank=True, editable=False)
    search_vector_ar = SearchVectorField(_("search vector"), null=True, editable=False)
    search_vector_en = SearchVectorField(_("search vector"), null=True, editable=False)
    # Found by name (with the honorific), which weighs more than position and biography;
    # listed first among results: a reader who types a name is looking for the person.
    searchable = Searchable(
        kind="author",
        position=0,
        fields=[["honorific", "name"], ["position", "bio"]],
        order=["name_{language}", "pk"],
        snippet="bio_{language}",
    )

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        # An author may have been entered in one language only: name them anyway.
        return first_filled(self.name, self.name_ar, self.name_en)

    def bio_paragraphs(self):
        return paragraphs(self.bio)

    def byline_in(self, language):
        """The name as a byline prints it in `language`, with its honorific: “Dr. Ibrahim
        Fawzy”, “د. إبراهيم فوزي”."""
        parts = (getattr(self, f"honorific_{language}"), getattr(self, f"name_{language}"))
        return " ".join(part for part in parts if part)

    @property
    def byline(self):
        """The byline in the active language."""
        return self.byline_in(active_language())

    @classmethod
    def search_candidates(cls, language):
        """The authors the site search finds in `language`: those its readers can meet."""
        return cls.objects.with_work_published_in(language)

    def search_hit(self, language):
        """How the site search lists the author in `language`."""
        return {
            "title": self.byline_in(language),
            "url": reverse("articles:author", kwargs={"slug": self.slug}),
            "description": getattr(self, f"position_{language}"),
        }


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return first_filled(self.name, self.name_ar, self.name_en)


class Kind(models.Model):
    """A kind of publication (analyses, studies, reports…): what readers browse by and
    what the site calls a piece. Every article has one."""

    # The kind every article had before kinds existed, and a new article's until an
    # editor picks another.
    DEFAULT_SLUG = "analyses"

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("The plural readers see as the heading of its page, e.g. “Studies”."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        allow_unicode=True,
        help_text=_("The kind's address on the site; Arabic letters are allowed."),
    )
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("order in a list", "position"),
        default=0,
        help_text=_("Kinds are listed in this order, smallest first."),
    )

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("kind of publication")
        verbose_name_plural = _("kinds of publication")

    def __str__(self):
        return first_filled(self.name, self.name_ar, self.name_en, self.slug)

    def get_absolute_url(self):
        return reverse("articles:kind", kwargs={"slug": self.slug})


def default_kind():
    """
    The pk of the Analyses kind, which a new article gets unless it is given another.

    A callable on the field rather than the admin form's initial value, so that every
    path that makes an article (the admin, the importer, the demo, an old revision
    restored, tests) gets one. It is made if missing (a database whose kinds were emptied,
    or flushed by a test) so that an article can always be saved. Only the pk is read:
    migration 0011 calls this on the model as it is today, whatever columns it has then.
    """
    found = Kind.objects.filter(slug=Kind.DEFAULT_SLUG).values_list("pk", flat=True).first()
    if found is not None:
        return found
    kind, _created = Kind.objects.get_or_create(
        slug=Kind.DEFAULT_SLUG, defaults={"name_ar": "تحليلات", "name_en": "Analyses"}
    )
    return kind.pk


def written_in(language):
    """An article written in `language`: it has a title and a lead in it."""
    return Q(**{f"title_{language}__gt": "", f"lead_{language}__gt": ""})


class ArticleQuerySet(PublishableQuerySet):
    def available_in(self, language):
        """Articles with a title and lead written in `language` (NULL and "" both fail `> ""`)."""
        return self.filter(written_in(language))

    def published_in(self, language):
        """What readers of `language` may see: published, written and released in it."""
        return (
            self.published()
            .available_in(language)
            .filter(**{f"language_published_{language}": True})
        )

    def published_in_any_language(self):
        """Published articles released in at least one language they are written in."""
        released = Q()
        for code, _name in settings.LANGUAGES:
            released |= written_in(code) & Q(**{f"language_published_{code}": True})
        return self.published().filter(released)


class Article(Publishable):
    kicker = models.CharField(
        _("kicker"),
        max_length=200,
        blank=True,
        help_text=_("The short line above the title, e.g. “Overlapping Goals”."),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text=_("The article's address, shared by both languages; Arabic letters are allowed."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in listings and when the article is shared."),
    )
    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_(
            "The paragraphs before the first section. Separate paragraphs with a blank line."
        ),
    )
    published_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The date shown on the article and the order of listings."),
    )
    # Translated (language_published_ar, language_published_en): a translation started
    # later stays hidden until an editor releases it, without touching the other language.
    language_published = models.BooleanField(
        _("published in this language"),
        default=False,
        help_text=_(
            "Readers see this language once the article is published. Publishing "
            "ticks it for every language that has a title and a lead."
        ),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the article was written in; translators work on the other."),
    )
    authors = models.ManyToManyField(
        Author,
        through="Authorship",
        related_name="articles",
        verbose_name=_("authors"),
        blank=True,
    )
    topics = models.ManyToManyField(
        Topic, related_name="articles", verbose_name=_("topics"), blank=True
    )
    kind = models.ForeignKey(
        Kind,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("kind of publication"),
        default=default_kind,
        help_text=_("Analysis, study, report…: the page names the article by its kind."),
    )
    image = models.ImageField(
        _("image"), upload_to="articles/%Y/", blank=True, validators=[images.validate_upload]
    )
    image_alt = images.image_alt_field()
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # Why an editor returned the article to its authors (the save bar's "Return to the
    # author"): shown to them until they submit it again.
    return_note = models.TextField(_("note from the editor"), blank=True, editable=False)
    # Bumped by every save through the admin, so that a save over a newer version is
    # refused instead of silently overwriting someone else's work.
    edit_version = models.PositiveIntegerField(
        pgettext_lazy("save counter", "version"), default=0, editable=False
    )
    # The site search's columns per language, written by the search app
    # (search/documents.py): the text snippets are cut from, the normalised document, and
    # its tsvector.
    search_text_ar = models.TextField(_("search text"), blank=True, editable=False)
    search_text_en = models.TextField(_("search text"), blank=True, editable=False)
    search_document_ar = models.TextField(_("search document"), blank=True, editable=False)
    search_document_en = models.TextField(_("search document"), blank=True, editable=False)
    search_vector_ar = SearchVectorField(_("search vector"), null=True, editable=False)
    search_vector_en = SearchVectorField(_("search vector"), null=True, editable=False)
    # Its words come from its sections, their points, its figures' captions and its
    # byline (search_texts()): a change to any of them rebuilds its search document.
    searchable = Searchable(
        kind="analysis",
        position=1,
        parts=3,
        text="search_text_{language}",
        depends_on=["sections", "sections__indications", "figures", "authorship", "authors"],
        order=["-published_at", "-pk"],
        snippet="search_text_{language}",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_date"),
            # What readers of each language see (published_in), newest first: listings
            # count and page through it without reading every row of the archive.
            *(
                models.Index(
                    F("published_at").desc(),
                    F("id").desc(),
                    condition=Q(
                        status="published",
                        **{
                            f"language_published_{code}": True,
                            f"title_{code}__gt": "",
                            f"lead_{code}__gt": "",
                        },
                    ),
                    name=f"article_readers_{code}",
                )
                for code, _name in settings.LANGUAGES
            ),
            *(
                SearchIndex(fields=[f"search_vector_{code}"], name=f"article_search_{code}")
                for code, _name in settings.LANGUAGES
            ),
        ]
        permissions = [
            ("publish_article", _("Can publish and unpublish articles")),
            ("translate_article", _("Can translate any article into its other language")),
        ]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return first_filled(self.title, self.title_ar, self.title_en, self.slug)

    def save(self, *args, **kwargs):
        # Count from the stored row, not from this instance: an instance restored from
        # an old revision must still move the counter forward.
        if self.pk is not None:
            stored = Article.objects.filter(pk=self.pk).values_list("edit_version", flat=True)
            self.edit_version = (stored.first() or 0) + 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def is_available_in(self, language):
        return bool(getattr(self, f"title_{language}") and getattr(self, f"lead_{language}"))

    def is_public(self):
        """Whether readers may see the article (the model-level twin of `published()`)."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def is_published_in(self, language):
        """The model-level twin of `published_in(language)`."""
        return (
            self.is_public()
            and self.is_available_in(language)
            and bool(getattr(self, f"language_published_{language}"))
        )

    @property
    def missing_languages(self):
        return [code for code, _name in settings.LANGUAGES if not self.is_available_in(code)]

    @property
    def languages(self):
        """The languages this article is written in, in the site's order."""
        return [code for code, _name in settings.LANGUAGES if self.is_available_in(code)]

    def url_in(self, language):
        with translation.override(language):
            return self.get_absolute_url()

    def lead_paragraphs(self):
        return paragraphs(self.lead)

    @classmethod
    def search_candidates(cls, language):
        """The articles the site search finds in `language`, with their bylines."""
        return cls.objects.published_in(language).prefetch_related(
            Prefetch("authors", Author.objects.order_by("authorship__position", "authorship__pk"))
        )

    def search_hit(self, language):
        """How the site search lists the article in `language`."""
        return {
            "title": getattr(self, f"title_{language}"),
            "url": self.get_absolute_url(),
            "date": self.published_at,
            "authors": list(self.authors.all()),
        }

    @classmethod
    def search_texts_queryset(cls, queryset):
        """`queryset` with what search_texts() reads, in a fixed number of queries."""
        return queryset.prefetch_related(
            "sections__indications",
            "figures",
            Prefetch("authors", Author.objects.order_by("authorship__position", "authorship__pk")),
        )

    def search_texts(self, language):
        """
        What the site search reads of the article in `language`: its text as readers read
        it (summary, lead, sections and points, its figures' captions), from which
        snippets are cut, and its words by weight: kicker and title, then summary and
        bylines, then the body.
        """

        def text(obj, name):
            return clean(getattr(obj, f"{name}_{language}"))

        def words(obj, name):
            # Lists, quotations and notes are read without their marks ("- ", "> ", "[^1]").
            return clean(plain_text(getattr(obj, f"{name}_{language}")))

        body = [words(self, "lead")]
        for section in self.sections.all():
            body += [text(section, "heading"), words(section, "body")]
            for point in section.indications.all():
                body += [text(point, "title"), words(point, "body")]
            body.append(words(section, "closing"))
        # A caption is the article's text too: its words are found, wherever it is placed.
        body += [words(figure, "caption") for figure in self.figures.all()]
        bylines = [clean(author.byline_in(language)) for author in self.authors.all()]
        readable = "\n\n".join(filter(None, [text(self, "summary"), *body]))
        weighted = [
            [text(self, "kicker"), text(self, "title")],
            [text(self, "summary"), *bylines],
            body,
        ]
        return readable, weighted

    def body_texts(self):
        """Every body text of the article, in each language in reading order: the lead,
        then each section's text, its points' and its closing text ("" where none)."""
        sections = self.sections.prefetch_related("indications")
        for code, _name in settings.LANGUAGES:
            texts = [getattr(self, f"lead_{code}")]
            for section in sections:
                texts.append(getattr(section, f"body_{code}"))
                texts += [getattr(point, f"body_{code}") for point in section.indications.all()]
                texts.append(getattr(section, f"closing_{code}"))
            yield from (text or "" for text in texts)

    def missing_figure_labels(self):
        """The labels that figure marks ("![map]") in the text name and no figure of the
        article has, as first written: readers see nothing there."""
        existing = {figure_key(label) for label in self.figures.values_list("label", flat=True)}
        missing = {}
        for text in self.body_texts():
            for label in figure_labels(text):
                if figure_key(label) not in existing:
                    missing.setdefault(figure_key(label), label)
        return list(missing.values())


class Authorship(models.Model):
    """An author's place in an article's byline."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, verbose_name=_("article"))
    author = models.ForeignKey(Author, on_delete=models.PROTECT, verbose_name=_("author"))
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("order in a list", "position"), default=0
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="authorship_once"),
        ]
        verbose_name = _("author of the article")
        verbose_name_plural = _("authors of the article")

    def __str__(self):
        return str(self.author)


class Section(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="sections", verbose_name=_("article")
    )
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("order in a list", "position"), default=0
    )
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_("The paragraphs under the heading, before the numbered points."),
    )
    closing = models.TextField(
        _("closing text"),
        blank=True,
        help_text=_("The paragraphs after the section's last numbered point."),
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [ordered_position_constraint("article", "section_position_unique")]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return first_filled(self.heading, self.heading_ar, self.heading_en) or _(
            "Section %(number)s"
        ) % {"number": self.position + 1}

    def body_paragraphs(self):
        return paragraphs(self.body)

    def closing_paragraphs(self):
        return paragraphs(self.closing)


class Indication(models.Model):
    """A numbered point of a section: “1- Defying International Efforts. There are views…”."""

    section = models.ForeignKey(
        Section,
        on_delete=models.CASCADE,
        related_name="indications",
        verbose_name=_("section"),
    )
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("order in a list", "position"), default=0
    )
    title = models.CharField(
        _("lead phrase"),
        max_length=300,
        blank=True,
        help_text=_(
            "The point's opening words, shown in bold. Keep the punctuation you want "
            "readers to see: the page adds none."
        ),
    )
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_("The rest of the point. Separate paragraphs with a blank line."),
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [ordered_position_constraint("section", "indication_position_unique")]
        verbose_name = _("numbered point")
        verbose_name_plural = _("numbered points")

    def __str__(self):
        return first_filled(self.title, self.title_ar, self.title_en) or str(self.position + 1)

    def body_paragraphs(self):
        return paragraphs(self.body)


class Figure(models.Model):
    """
    An image of an article, shown in its text where a paragraph of its own names its
    label: "![map]". Numbered "Figure 1", "Figure 2"… in the order the text shows them
    (articles/templatetags/text.py), so that moving a figure never renumbers it by hand.
    """

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="figures", verbose_name=_("article")
    )
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("order in a list", "position"), default=0
    )
    label = models.CharField(
        _("label"),
        max_length=50,
        blank=True,
        validators=[
            RegexValidator(
                rf"\A{FIGURE_LABEL}\Z",
                message=_(
                    "Use letters and digits, in any language, joined by hyphens: “1”, “map”, "
                    "“map-2”."
                ),
                code="figure_label",
            )
        ],
        help_text=_(
            "Where the figure goes, write ![label] in a paragraph of its own in the text, "
            "e.g. ![1] or ![map]. Left empty, the next free number is given."
        ),
    )
    image = models.ImageField(
        _("image"), upload_to="articles/figures/%Y/", validators=[images.validate_upload]
    )
    image_alt = images.image_alt_field()
    caption = models.TextField(
        _("image caption"),
        blank=True,
        help_text=_("Shown under the image after “Figure 1”, which the page adds."),
    )
    credit = models.CharField(_("image credit"), max_length=200, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            ordered_position_constraint("article", "figure_position_unique"),
            models.UniqueConstraint(fields=["article", "label"], name="figure_label_unique"),
        ]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")

    def __str__(self):
        return f"![{self.label}]"

    def save(self, *args, **kwargs):
        if not self.label:
            taken = Figure.objects.filter(article_id=self.article_id).values_list(
                "label", flat=True
            )
            self.label = next_figure_label(taken)
        super().save(*args, **kwargs)
