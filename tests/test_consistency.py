"""House rules checked by tests."""

import importlib
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

# Django's own admin is covered by its own test suite and reached only by
# platform administrators; the DRF router's format-suffix variants share the
# permission of the plain route.
IGNORED_NAMESPACES = {"admin"}


def named_urls(patterns=None, prefix=""):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in IGNORED_NAMESPACES:
                continue
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from named_urls(pattern.url_patterns, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{prefix}{pattern.name}"


def covered_urls():
    covered = set()
    root = Path(__file__).parent
    for path in root.rglob("test_permissions*.py"):
        module_name = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        module = importlib.import_module(module_name)
        covered.update(case.url_name for case in module.MATRIX)
    return covered


def test_every_url_has_a_permission_test():
    missing = sorted(set(named_urls()) - covered_urls())
    assert not missing, f"URLs without a permission test: {missing}"
