from tests.permissions import Case, everyone, permission_test
from tests.referentiel import machining


def occupation(cast):
    machining.build()
    return {"code": "H2903"}


def obsolete_occupation(cast):
    machining.build()
    return {"code": "H2913"}


MATRIX = [
    Case("referentiel:occupations", everyone(200)),
    Case("referentiel:occupations", everyone(200), data={"q": "usineur"}),
    Case("referentiel:occupations", everyone(200), data={"domaine": "Z99"}),
    Case("referentiel:occupations", everyone(405), method="post"),
    Case("referentiel:occupation", everyone(200), kwargs=occupation),
    Case("referentiel:occupation", everyone(200), kwargs=obsolete_occupation),
    Case("referentiel:occupation", everyone(404), kwargs={"code": "Z9999"}),
    Case("referentiel:occupation", everyone(405), kwargs=occupation, method="post"),
]

test_permissions = permission_test(MATRIX)
