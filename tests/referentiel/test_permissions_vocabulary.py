from ancrage.referentiel.factories import VocabularyEntryFactory
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

# Any staff of the acting cluster curates its vocabulary (both cast staff are
# staff of their own cluster); nobody else.
STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
NOT_GET = everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)
# An entry of cluster A: its staff act, cluster B's staff get 404.
ON_A = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=404)
PAGE_OF_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)


def entry_of_a(cast):
    return {"pk": VocabularyEntryFactory(cluster=cast.cluster_a, occupation__code="H2913").pk}


OCCUPATIONS = {"kind": "metiers"}

MATRIX = [
    Case("vocabulary:list", STAFF),
    Case("vocabulary:list", STAFF, data={"q": "soudeur"}),
    Case("vocabulary:list", NOT_GET, method="post"),
    Case("vocabulary:add", NOT_GET, kwargs=OCCUPATIONS),
    Case(
        "vocabulary:add",
        STAFF,
        kwargs=OCCUPATIONS,
        method="post",
        data={"occupation-add-item": ""},
    ),
    Case("vocabulary:create", NOT_GET, kwargs=OCCUPATIONS),
    Case(
        "vocabulary:create",
        {**STAFF, "staff_a": REDIRECT, "staff_b": REDIRECT},
        kwargs={"kind": "competences"},
        method="post",
        data={"skill-own-label": "Glaçage"},
    ),
    Case("vocabulary:merge", NOT_GET, kwargs=OCCUPATIONS),
    Case("vocabulary:merge", STAFF, kwargs=OCCUPATIONS, method="post", data={}),
    Case("vocabulary:move", NOT_GET, kwargs=entry_of_a),
    Case("vocabulary:move", ON_A, kwargs=entry_of_a, method="post", data={"direction": "up"}),
    Case("vocabulary:rename", PAGE_OF_A, kwargs=entry_of_a),
    Case("vocabulary:rename", ON_A, kwargs=entry_of_a, method="post", data={"label": "Local"}),
    Case("vocabulary:remove", PAGE_OF_A, kwargs=entry_of_a),
    Case("vocabulary:remove", ON_A, kwargs=entry_of_a, method="post"),
    Case("referentiel:suggestions", everyone(200), data={"q": "soudeur"}),
    Case(
        "referentiel:suggestions",
        everyone(200),
        data={"q": "soudeur", "target": "occupation", "select": "entry"},
    ),
    Case("referentiel:suggestions", everyone(405), method="post", data={"q": "soudeur"}),
]

test_permissions = permission_test(MATRIX)
