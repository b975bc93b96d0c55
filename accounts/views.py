from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    """
    What django-axes answers a sign-in that repeated failures have blocked: the admin's
    page, in the language of its address, saying for how long and who can lift it.
    """
    context = {
        **admin.site.each_context(request),
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(
        request, "accounts/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
