"""Serving a stored file from a view that has already decided who may read
it: as a download, never sniffed, never cached by a shared cache."""

from django.http import FileResponse, Http404


def file_response(stored, filename=None):
    try:
        handle = stored.file.open("rb")
    except (OSError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename or stored.name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
