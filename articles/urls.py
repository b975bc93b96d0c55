from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("articles/", views.ArticleListView.as_view(), name="list"),
    path("articles/archive/<int:year>/", views.YearArticlesView.as_view(), name="year"),
    path("articles/<str:slug>/", views.article_detail, name="detail"),
    path("articles/<str:slug>/cite.bib", views.citation, {"style": "bibtex"}, name="bibtex"),
    path("articles/<str:slug>/cite.ris", views.citation, {"style": "ris"}, name="ris"),
    path("topics/<str:slug>/", views.TopicArticlesView.as_view(), name="topic"),
    path("topics/<str:slug>/rss/", feeds.TopicRssFeed(), name="topic-rss"),
    path("topics/<str:slug>/atom/", feeds.TopicAtomFeed(), name="topic-atom"),
    path("kinds/<str:slug>/", views.KindArticlesView.as_view(), name="kind"),
    path("kinds/<str:slug>/rss/", feeds.KindRssFeed(), name="kind-rss"),
    path("kinds/<str:slug>/atom/", feeds.KindAtomFeed(), name="kind-atom"),
    path("authors/", views.AuthorListView.as_view(), name="authors"),
    path("authors/<str:slug>/", views.AuthorArticlesView.as_view(), name="author"),
    path("feeds/rss/", feeds.LatestRssFeed(), name="rss"),
    path("feeds/atom/", feeds.LatestAtomFeed(), name="atom"),
]
