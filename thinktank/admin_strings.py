"""
Strings of Django's admin, django-reversion and django-axes that locale/ar translates
again: their own Arabic breaks agreement with our nouns ("أضِف نقطة مرقّمة آخر") or
contradicts locale/ar/TERMS.md. Marked here so that makemessages keeps them. Nothing
imports this module.
"""

from django.utils.translation import gettext_noop

STRINGS = [
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Change history: %s"),
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
    gettext_noop("There are no deleted objects to recover."),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("Press the save button below to revert to this version of the object."),
    gettext_noop("Initial version."),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    # nested_admin's link that removes a new inline row: it has no Arabic of its own.
    gettext_noop("Remove"),
    # Django's Arabic puts a Latin comma in these.
    gettext_noop("No, take me back"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
]
