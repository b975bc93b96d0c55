"""
Saving an imported article: as a new draft in its language, or as the other language of an
existing article, in one transaction and one revision.
"""

import contextlib

import reversion
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop

from core.change_messages import note
from core.text import join_list
from search.documents import documents_changed

from ..models import Article, Author, Authorship, Indication, Section, Status
from .refusals import ImportRefused
from .rules import clean


def check_lengths(imported):
    """Refuse text too long for its field rather than cut words off it."""
    limits = [
        (Article, "kicker", [imported.kicker]),
        (Article, "title", [imported.title]),
        (Section, "heading", [s.heading for s in imported.sections]),
        (Indication, "title", [i.title for i in imported.indications]),
        (Author, "name", [author.name for author in imported.authors]),
        (Author, "honorific", [author.honorific for author in imported.authors]),
    ]
    for model, name, values in limits:
        limit = model._meta.get_field(name).max_length
        for value in values:
            if len(value) > limit:
                raise ImportRefused(
                    gettext(
                        "“%(text)s…” is too long for a %(field)s (%(limit)d characters at "
                        "most): make it a paragraph in the preview."
                    )
                    % {
                        "text": value[:60],
                        "field": model._meta.get_field(name).verbose_name,
                        "limit": limit,
                    }
                )


def unique_slug(imported):
    source = imported.title or " ".join(" ".join(imported.lead).split()[:8])
    base = slugify(source, allow_unicode=True)[:80].strip("-") or "imported-article"
    slug, number = base, 1
    while Article.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def join(paragraphs):
    return "\n\n".join(paragraphs)


@contextlib.contextmanager
def revision(user, comment):
    """A revision of what is saved inside, as the admin keeps one for every save."""
    if not reversion.is_registered(Article):
        yield
        return
    with reversion.create_revision():
        yield
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(comment)


def record(article):
    """Add the article, its sections and their indications to the revision being made.

    Reversion reads an object and follows its relations when the object is saved; the
    indications, created in bulk after their section, would be missing. Adding the article
    and each section again, now that everything exists, takes them in.
    """
    if reversion.is_registered(Article) and reversion.is_active():
        reversion.add_to_revision(article)
        for section in article.sections.all():
            reversion.add_to_revision(section)


def match_authors(imported):
    """
    The byline's authors with the `Author` each is, by name in either language (case and
    spacing aside), or None for one not found: [(imported author, Author or None)].
    """
    matched = []
    for author in imported.authors:
        name = clean(author.name)
        found = (
            Author.objects.filter(Q(name_ar__iexact=name) | Q(name_en__iexact=name))
            .order_by("pk")
            .first()
        )
        matched.append((author, found))
    return matched


def unique_author_slug(name):
    base = slugify(name, allow_unicode=True)[:80].strip("-") or "author"
    slug, number = base, 1
    while Author.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def byline_authors(imported, create_authors):
    """The `Author`s of the byline in its order; those not found are created (named in
    the article's language) only when `create_authors`, else left off."""
    code = imported.language
    authors = []
    for author, found in match_authors(imported):
        if found is None and create_authors:
            found = Author.objects.create(
                slug=unique_author_slug(author.name),
                **{f"name_{code}": author.name, f"honorific_{code}": author.honorific},
            )
        if found is not None and found not in authors:
            authors.append(found)
    return authors


def create_article(imported, *, user=None, source="", create_authors=False):
    """
    Save the imported article as a draft in its language; all or nothing. The byline's
    authors are attached when they exist; with `create_authors`, those not found are
    created.
    """
    check_lengths(imported)
    code = imported.language
    comment = (
        note(gettext_noop("Imported from %(source)s."), source=source)
        if source
        else note(gettext_noop("Imported from pasted text."))
    )
    with transaction.atomic(), revision(user, comment):
        article = Article(
            slug=unique_slug(imported),
            status=Status.DRAFT,
            original_language=code,
            published_at=imported.published_at,
            created_by=user,
            updated_by=user,
            **{
                f"kicker_{code}": imported.kicker,
                f"title_{code}": imported.title,
                f"summary_{code}": imported.standfirst,
                f"lead_{code}": join(imported.lead),
            },
        )
        article.save()
        for position, author in enumerate(byline_authors(imported, create_authors)):
            Authorship.objects.create(article=article, author=author, position=position)
        for position, section in enumerate(imported.sections):
            saved = Section.objects.create(
                article=article,
                position=position,
                **{
                    f"heading_{code}": section.heading,
                    f"body_{code}": join(section.body),
                    f"closing_{code}": join(section.closing),
                },
            )
            Indication.objects.bulk_create(
                Indication(
                    section=saved,
                    position=number,
                    **{
                        f"title_{code}": indication.title,
                        f"body_{code}": join(indication.paragraphs),
                    },
                )
                for number, indication in enumerate(section.indications)
            )
        # bulk_create() sends no signal: say that the indications belong in the article's
        # search document, which is made once this transaction commits.
        documents_changed(Article, [article.pk])
        record(article)
    return article


def structure_of(sections):
    """“sections: 3; numbered points by section: 0, 0, 4”."""
    return gettext("sections: %(sections)d; numbered points by section: %(points)s") % {
        "sections": len(sections),
        "points": join_list(str(count) for count in sections) or "0",
    }


def translation_problems(imported, article):
    """Why the text cannot become the other language of the article, or []."""
    code = imported.language
    language = imported.language_name
    sections = list(article.sections.prefetch_related("indications"))
    written = [
        getattr(article, f"{name}_{code}") for name in ("kicker", "title", "summary", "lead")
    ]
    for section in sections:
        written += [getattr(section, f"{name}_{code}") for name in ("heading", "body", "closing")]
        for indication in section.indications.all():
            written += [
                getattr(indication, f"title_{code}"),
                getattr(indication, f"body_{code}"),
            ]
    problems = []
    if any(written):
        problems.append(
            gettext(
                "“%(article)s” already has text in %(language)s; nothing was changed. Edit "
                "it on the article's page, or empty that language there first."
            )
            % {"article": article, "language": language}
        )
    theirs = [len(section.indications.all()) for section in sections]
    ours = [len(section.indications) for section in imported.sections]
    if theirs != ours:
        problems.append(
            gettext(
                "The text does not match the article part by part. The article has %(article)s; "
                "the text has %(text)s. Correct the headings and points in the preview."
            )
            % {"article": structure_of(theirs), "text": structure_of(ours)}
        )
    return problems


def add_translation(imported, article, *, user=None, source=""):
    """Add the imported text as the article's other language, section by section, indication
    by indication."""
    check_lengths(imported)
    code = imported.language
    comment = (
        note(gettext_noop("%(language)s imported from %(source)s."), language=code, source=source)
        if source
        else note(gettext_noop("%(language)s imported from pasted text."), language=code)
    )
    with transaction.atomic(), revision(user, comment):
        # Locked, and checked again under the lock: a translation typed meanwhile in the
        # admin must not be overwritten.
        article = Article.objects.select_for_update().get(pk=article.pk)
        problems = translation_problems(imported, article)
        if problems:
            raise ImportRefused(" ".join(problems))
        setattr(article, f"kicker_{code}", imported.kicker)
        setattr(article, f"title_{code}", imported.title)
        setattr(article, f"summary_{code}", imported.standfirst)
        setattr(article, f"lead_{code}", join(imported.lead))
        article.updated_by = user
        article.save()
        sections = article.sections.prefetch_related("indications")
        for section, ours in zip(sections, imported.sections, strict=True):
            setattr(section, f"heading_{code}", ours.heading)
            setattr(section, f"body_{code}", join(ours.body))
            setattr(section, f"closing_{code}", join(ours.closing))
            section.save()
            for indication, our_indication in zip(
                section.indications.all(), ours.indications, strict=True
            ):
                setattr(indication, f"title_{code}", our_indication.title)
                setattr(indication, f"body_{code}", join(our_indication.paragraphs))
                indication.save()
        record(article)
    return article
