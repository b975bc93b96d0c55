"""
A form's draft is named by the admin page it is on, not by its address: the same
article's page under /ar/admin/ and /en/admin/ is one form, and its draft follows the
editor from one interface language to the other.
"""

MAX_LENGTH = 200


def page_key(request):
    """ "admin:articles_article_change/12", "admin:news_newsitem_add"."""
    match = request.resolver_match
    object_id = match.kwargs.get("object_id")
    key = match.view_name if object_id is None else f"{match.view_name}/{object_id}"
    return key[:MAX_LENGTH]
