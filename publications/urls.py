from django.urls import path

from . import feeds, views

app_name = "publications"

urlpatterns = [
    path("", views.series_list, name="list"),
    path("<str:slug>/", views.series_detail, name="series"),
    path("<str:slug>/rss/", feeds.SeriesRssFeed(), name="series-rss"),
    path("<str:slug>/atom/", feeds.SeriesAtomFeed(), name="series-atom"),
    path("<str:slug>/<int:number>/", views.issue_detail, name="issue"),
    path("<str:slug>/<int:number>/pdf/", views.issue_pdf, name="issue-pdf"),
]
