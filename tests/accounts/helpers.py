"""Helpers of the account tests."""

from tests.helpers import html


def role_form(client, user, language="en"):
    url = f"/{language}/admin/auth/user/{user.pk}/change/"
    page = client.get(url)
    form = html(page).find("form", id="user_form")
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("name") and field.get("type") not in {"checkbox", "submit"}
    }
    data.update(is_active="on", _save="Save")
    return url, page, data
