from tests.permissions import Case, everyone, permission_test
from tests.referentiel import machining


def occupation(cast):
    machining.build()
    return {"code": "H2903"}


MATRIX = [
    Case("api:occupation-list", everyone(200)),
    Case("api:occupation-list", everyone(400), data={"domain": "Z99"}),
    Case("api:occupation-list", everyone(405), method="post"),
    Case("api:occupation-detail", everyone(200), kwargs=occupation),
    Case("api:occupation-detail", everyone(404), kwargs={"code": "Z9999"}),
    Case("api:referentiel-normalize", everyone(200), data={"q": "usineur"}),
    Case("api:referentiel-normalize", everyone(400), data={"limit": "0"}),
    Case("api:referentiel-normalize", everyone(405), method="post"),
    Case("api:referentiel-suggest", everyone(200), data={"q": "usin"}),
    Case("api:referentiel-suggest", everyone(400), data={"target": "formation"}),
    Case("api:referentiel-extract-skills", everyone(200), method="post", data={"text": "Régler"}),
    Case("api:referentiel-extract-skills", everyone(400), method="post"),
    Case("api:referentiel-extract-skills", everyone(405)),
]

test_permissions = permission_test(MATRIX)
