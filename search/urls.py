from django.urls import path

from . import views

# No namespace: the page is one, and its name "search" is what every page's header form
# (templates/base.html) and the results page's own form reverse.
urlpatterns = [
    path("", views.search, name="search"),
]
