"""
Saving an imported article: as a new draft in its language, or as the other language of an
existing article, in one transaction and one revision.
"""

import contextlib

import reversion
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop, ngettext

from core.change_messages import note
from core.text import join_list
from search.documents import documents_changed

from ..models import Article, Author, Authorship, Figure, Indication, Section, Status
from .refusals import ImportRefused, Problem, excerpt, point_place
from .rules import clean
from .structure import Role
from .structure import join_blocks as join


def check_lengths(imported):
    """Refuse text too long for its field rather than cut words off it."""
    problems = length_problems(imported)
    if problems:
        raise ImportRefused.because(problems)


def length_problems(imported):
    """Each text too long for its field, where it is, and how to shorten it."""
    sections = list(enumerate(imported.sections, start=1))
    authors = [
        (gettext("Author “%(name)s”") % {"name": excerpt(author.name)}, author)
        for author in imported.authors
    ]
    texts = [
        (Article, "kicker", [(Role.KICKER.label, imported.kicker)]),
        (Article, "title", [(Role.TITLE.label, imported.title)]),
        (Section, "heading", [(point_place(n), section.heading) for n, section in sections]),
        (
            Indication,
            "title",
            [
                (point_place(n, m), point.title)
                for n, section in sections
                for m, point in enumerate(section.indications, start=1)
            ],
        ),
        (Author, "name", [(place, author.name) for place, author in authors]),
        (Author, "honorific", [(place, author.honorific) for place, author in authors]),
    ]
    problems = []
    for model, name, values in texts:
        field = model._meta.get_field(name)
        for place, value in values:
            if len(value) > field.max_length:
                problems.append(
                    Problem(
                        gettext("The %(field)s is too long: “%(text)s”")
                        % {"field": field.verbose_name, "text": excerpt(value)},
                        place=str(place),
                        todo=shorten(model, field, len(value)),
                        refuses=True,
                    )
                )
    return problems


def shorten(model, field, length):
    """How to fix a text too long for `field`: shorten it, or read it as what it is."""
    if model is Author:
        fix = ngettext(
            "Shorten the %(field)s in the byline to %(limit)d character (it has %(count)d).",
            "Shorten the %(field)s in the byline to %(limit)d characters (it has %(count)d).",
            field.max_length,
        )
    elif model is Indication:
        fix = ngettext(
            "Shorten the %(field)s to %(limit)d character (it has %(count)d): move the "
            "rest into the point's text.",
            "Shorten the %(field)s to %(limit)d characters (it has %(count)d): move the "
            "rest into the point's text.",
            field.max_length,
        )
    else:
        fix = ngettext(
            "Shorten the %(field)s to %(limit)d character (it has %(count)d), or make it a "
            "paragraph if it is one.",
            "Shorten the %(field)s to %(limit)d characters (it has %(count)d), or make it a "
            "paragraph if it is one.",
            field.max_length,
        )
    return fix % {"field": field.verbose_name, "limit": field.max_length, "count": length}


def unique_slug(imported):
    source = imported.title or " ".join(" ".join(imported.lead).split()[:8])
    base = slugify(source, allow_unicode=True)[:80].strip("-") or "imported-article"
    slug, number = base, 1
    while Article.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


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
    """Add the article, its sections and their indications (and its figures, which the
    article follows) to the revision being made.

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
        save_figures(article, imported.figures, code)
        # bulk_create() sends no signal: say that the indications belong in the article's
        # search document, which is made once this transaction commits.
        documents_changed(Article, [article.pk])
        record(article)
    return article


def save_figures(article, figures, code):
    """A Word file's pictures (`word.ImportedFigure`) as the draft's figures, under the
    labels its text places them by, their captions in the article's language."""
    for position, figure in enumerate(figures):
        Figure.objects.create(
            article=article,
            position=position,
            label=figure.label,
            image=ContentFile(figure.data, name=figure.name),
            **{f"caption_{code}": figure.caption, f"image_alt_{code}": figure.alt},
        )


def translate_figures(article, figures, code):
    """The captions of a translation's pictures, given to the article's figures of the
    same labels where they have none in that language yet; its images are not kept (the
    article's are the ones shown)."""
    ours = {figure.label: figure for figure in figures}
    for figure in article.figures.filter(label__in=ours):
        imported = ours[figure.label]
        changed = False
        for name, value in (("caption", imported.caption), ("image_alt", imported.alt)):
            if value and not getattr(figure, f"{name}_{code}"):
                setattr(figure, f"{name}_{code}", value)
                changed = True
        if changed:
            figure.save()


def structure_of(sections):
    """“sections: 3; numbered points by section: 0, 0, 4”."""
    return gettext("sections: %(sections)d; numbered points by section: %(points)s") % {
        "sections": len(sections),
        "points": join_list(str(count) for count in sections) or "0",
    }


def translation_problems(imported, article):
    """Why the text cannot become the other language of the article (`Problem`s), or []."""
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
            Problem(
                gettext("“%(article)s” already has text in %(language)s.")
                % {"article": article, "language": language},
                todo=gettext("Edit it on the article's page, or empty that language there first."),
                refuses=True,
            )
        )
    theirs = [len(section.indications.all()) for section in sections]
    ours = [len(section.indications) for section in imported.sections]
    if theirs != ours:
        problems.append(
            Problem(
                gettext(
                    "The text does not match the article part by part. The article has "
                    "%(article)s; the text has %(text)s."
                )
                % {"article": structure_of(theirs), "text": structure_of(ours)},
                todo=gettext("Correct the headings and points in the preview."),
                refuses=True,
            )
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
            raise ImportRefused.because(problems)
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
        translate_figures(article, imported.figures, code)
        record(article)
    return article
