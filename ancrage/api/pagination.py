"""Pagination of the API's lists: `limit` and `offset`, bounded."""

from rest_framework.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    """100 items a page by default, 500 at most (a larger `limit` is cut to
    500); an `offset` beyond any list is cut before it reaches the database."""

    default_limit = 100
    max_limit = 500
    max_offset = 10**9

    def get_offset(self, request):
        return min(super().get_offset(request), self.max_offset)
