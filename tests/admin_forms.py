"""Reading and submitting admin forms the way a browser would."""

from tests.conftest import html


def form_data(response, form_id):
    """What a browser would submit for the admin form as rendered (empty forms left out)."""
    form = html(response).find("form", id=form_id)
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or "__prefix__" in name or field.get("type") in {"submit", "file"}:
            continue
        if field.name == "textarea":
            # Browsers drop the newline that follows <textarea>.
            data[name] = field.get_text().removeprefix("\n")
        elif field.name == "select":
            selected = field.find_all("option", selected=True)
            if field.has_attr("multiple"):
                data[name] = [option["value"] for option in selected]
            elif selected:
                data[name] = selected[0]["value"]
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data


def change_url(article, language="en"):
    return f"/{language}/admin/articles/article/{article.pk}/change/"


def save(client, article, changes, language="en"):
    """Open the article's change page as `client`, apply `changes`, press Save."""
    data = form_data(client.get(change_url(article, language)), "article_form")
    data.update(changes)
    data["_save"] = "Save"
    return client.post(change_url(article, language), data)
