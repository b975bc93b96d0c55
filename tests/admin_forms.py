"""Reading and submitting admin forms the way a browser would."""

from loopback_site import form_data as browser_form_data


def form_data(response, form_id):
    """What a browser would submit for the admin form as rendered (empty forms left out)."""
    return browser_form_data(response.content.decode(), form_id)


def change_url(article, language="en"):
    return f"/{language}/admin/articles/article/{article.pk}/change/"


def save(client, article, changes, language="en"):
    """Open the article's change page as `client`, apply `changes`, press Save."""
    data = form_data(client.get(change_url(article, language)), "article_form")
    data.update(changes)
    data["_save"] = "Save"
    return client.post(change_url(article, language), data)
