from django.conf import settings


class BilingualFieldsMixin:
    """
    Give every translated field's widget the `lang` and `dir` of its language.

    Without it, an English field in the Arabic admin is typed right to left (and the
    reverse), and spell-checkers guess the wrong language.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language:
            field.widget.attrs["lang"] = language
            field.widget.attrs["dir"] = "rtl" if language in settings.LANGUAGES_BIDI else "ltr"
        return field
