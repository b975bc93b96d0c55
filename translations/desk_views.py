"""Filled in by a helper."""


def urls(site):
    return []


def panels(request):
    return []
