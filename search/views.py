from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language

from core import caching

from .queries import Query
from .results import MAX_RANKED, Results


def search(request):
    """
    Everything searchable published in the page's language that matches `q`. A query
    with no words to search for (empty, punctuation, symbols) gets the form and some
    advice rather than an error; a page number that is not a page is a 404.
    """
    # Any text makes a page: keep these briefly in the shared cache.
    caching.keep_for_at_most(request, 300)
    query = Query.parse(request.GET.get("q", ""))
    context = {"query": query}
    if query:
        results = Results(get_language(), query)
        paginator = Paginator(results, settings.ARTICLES_PER_PAGE)
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404 from error
        context.update(
            page_obj=page,
            results=page.object_list,
            capped=results.capped,
            max_ranked=MAX_RANKED,
        )
    return render(request, "search/results.html", context)
