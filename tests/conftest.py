"""A strict harness: warnings are errors (pyproject), an unknown template
variable fails the test, unordered querysets come back in random order."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db.models.expressions import OrderBy
from django.db.models.functions import Random
from django.db.models.sql.compiler import SQLCompiler
from django.template.base import TemplateSyntaxError

from tests.cast import Cast
from tests.seeded import ensure_seeded_lists

# Whitenoise warns (an error here) when STATIC_ROOT is missing, e.g. for the
# live server of the browser tests, which starts before any fixture.
Path(django_settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


class InvalidVariable(str):
    def __mod__(self, name):
        raise TemplateSyntaxError(f"Unknown template variable: {name}")


@pytest.fixture(autouse=True)
def _strict_settings(settings, tmp_path):
    settings.TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = InvalidVariable("%s")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.SECURE_SSL_REDIRECT = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()  # rate limits and the like start afresh in each test


_original_get_order_by = SQLCompiler.get_order_by


def _shuffled_get_order_by(self):
    order_by = _original_get_order_by(self)
    query = self.query
    if (
        not order_by
        and query.model is not None
        and not query.distinct
        and not query.combinator
        and not query.group_by
        and not query.annotation_select
        and not getattr(query, "subquery", False)
    ):
        expression = OrderBy(Random())
        sql, params = self.compile(expression)
        return [(expression, (sql, params, False))]
    return order_by


@pytest.fixture(autouse=True, scope="session")
def _shuffle_unordered_querysets():
    SQLCompiler.get_order_by = _shuffled_get_order_by
    yield
    SQLCompiler.get_order_by = _original_get_order_by


@pytest.fixture(autouse=True)
def _seeded_lists(request):
    """Put back the lists the migrations seed (activities, markets): the flush
    that ends each transactional test (the browser tests) empties every
    table, and the tests that run after it in the same process need them."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
        or (marker and marker.kwargs.get("transaction"))
    )
    if not (transactional or marker or "db" in request.fixturenames):
        return
    request.getfixturevalue("transactional_db" if transactional else "db")
    ensure_seeded_lists()


@pytest.fixture
def cast(db):
    """The standard cast: staff of cluster A and B, a member company user of A,
    a candidate, an authority and an anonymous visitor."""
    return Cast.create()


@pytest.fixture
def dummy_tasks(settings):
    """A worker that keeps the tasks asked for without running them (the
    tests' own runs them at once): the backend, whose `results` they are."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()
