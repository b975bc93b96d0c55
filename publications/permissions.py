"""
Who may do what with series and issues. The roles are Django groups (accounts.roles):

- Editors (publications.publish_issue) manage series and issues: add, change, delete,
  publish, schedule, unpublish.
- Translators (publications.translate_issue without publish) change the text of a series
  or an issue in its other language (name, description, theme, summary, parts, alt
  text), and nothing else: never numbers, dates, files, contents or the workflow.
- Authors see series and issues (which issue an article of theirs is in), and change
  nothing.
"""


def is_editor(user):
    return user.has_perm("publications.publish_issue")


def is_translator(user):
    return user.has_perm("publications.translate_issue") and not is_editor(user)


def can_view(user):
    """Staff who may see unpublished issues (the admin, and the public page's preview)."""
    return user.is_active and user.is_staff and user.has_perm("publications.view_issue")


def can_publish(user):
    return is_editor(user)
