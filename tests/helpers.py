"""Helpers the tests share: reading pages. Fixtures are in conftest.py; builders of objects
in factories.py; reading and posting admin forms in admin_forms.py."""

from bs4 import BeautifulSoup


def html(response):
    """The page of a response, parsed."""
    return BeautifulSoup(response.content, "html.parser")
