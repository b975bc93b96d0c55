"""
Who may do what with an article. The roles are Django groups (see accounts.roles); the
rules below read their permissions, so the admin and the public preview agree.

- Editors (articles.publish_article) may do everything with every article.
- Translators (articles.translate_article) may change the text of any article's other
  language, and nothing else.
- Authors (articles.add_article) may change and delete their own articles while those are
  drafts or in review, and submit them for review.
"""

from .models import Status

AUTHOR_EDITABLE = (Status.DRAFT, Status.REVIEW)


def is_editor(user):
    return user.has_perm("articles.publish_article")


def is_translator(user):
    return user.has_perm("articles.translate_article") and not is_editor(user)


def is_author_of(user, article):
    if article.pk is None or not user.is_authenticated:
        return False
    return article.authors.filter(user=user).exists()


def can_view(user, article):
    if not user.is_active or not user.is_staff or not user.has_perm("articles.view_article"):
        return False
    return is_editor(user) or is_translator(user) or is_author_of(user, article)


def can_change(user, article):
    if not user.has_perm("articles.change_article"):
        return False
    if is_editor(user) or is_translator(user):
        return True
    return article.status in AUTHOR_EDITABLE and is_author_of(user, article)


def can_delete(user, article):
    if not user.has_perm("articles.delete_article"):
        return False
    if is_editor(user):
        return True
    return article.status in AUTHOR_EDITABLE and is_author_of(user, article)


def can_submit(user, article):
    return (
        article.status in (Status.DRAFT, Status.UNPUBLISHED)
        and can_change(user, article)
        and (not is_translator(user))
    )


def can_publish(user):
    return is_editor(user)
