from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def languages(request):
    """The current page in each of the site's languages, for the language switch and hreflang."""
    current = get_language()
    path = request.get_full_path()
    alternates = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
            "bidi": code in settings.LANGUAGES_BIDI,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {
        "language_alternates": alternates,
        "other_languages": [alt for alt in alternates if alt["code"] != current],
    }
