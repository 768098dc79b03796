"""Long lists come in pages, with the NHS.UK numbered pagination underneath."""

from django.core.paginator import Page, Paginator

PER_PAGE = 25


def _href(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


def paginate(request, items, per_page: int = PER_PAGE) -> tuple[Page, dict | None]:
    """The page of items asked for (?page=N, keeping any search), and the pagination's params."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    if paginator.num_pages < 2:
        return page, None
    numbers = paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    params = {
        "items": [
            {"ellipsis": True}
            if number == Paginator.ELLIPSIS
            else {
                "number": number,
                "href": _href(request, number),
                "current": number == page.number,
            }
            for number in numbers
        ],
        "ariaLabel": "Pages",
    }
    if page.has_previous():
        params["previous"] = {"href": _href(request, page.previous_page_number())}
    if page.has_next():
        params["next"] = {"href": _href(request, page.next_page_number())}
    return page, params
