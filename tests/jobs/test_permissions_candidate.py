"""Who may open the candidate's screens: the candidate, about their own
data only (another candidate's lines answer 404); the sign-up is public."""

from ancrage.files.factories import FileFactory
from ancrage.jobs.candidate_profile import profile_for
from ancrage.jobs.factories import CandidateProfileFactory
from ancrage.jobs.models import EducationLine, ExperienceLine
from ancrage.jobs.views.candidate_account import make_token
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

CANDIDATE = everyone(403, anonymous=LOGIN, candidate=200)
CANDIDATE_POST = everyone(403, anonymous=LOGIN, candidate=REDIRECT)
OTHER = everyone(403, anonymous=LOGIN, candidate=404)
ANYONE = everyone(200)

SIGNUP = {
    "email": "nouvelle@exemple.fr",
    "first_name": "Nina",
    "last_name": "Martin",
    "password1": "une phrase de passe solide",
    "password2": "une phrase de passe solide",
    "accept_terms": "on",
}
EXPERIENCE = {"title": "Usineuse", "employer": "Atelier", "start": "2020-01-01"}
EDUCATION = {"title": "Bac pro technicien d'usinage", "year": "2015"}


def own_experience(cast):
    line = ExperienceLine.objects.create(
        profile=profile_for(cast.candidate), title="Usineur", start="2019-01-01"
    )
    return {"pk": line.pk}


def other_experience(cast):
    line = ExperienceLine.objects.create(
        profile=CandidateProfileFactory(), title="Usineur", start="2019-01-01"
    )
    return {"pk": line.pk}


def own_education(cast):
    line = EducationLine.objects.create(profile=profile_for(cast.candidate), title="CAP")
    return {"pk": line.pk}


def other_education(cast):
    line = EducationLine.objects.create(profile=CandidateProfileFactory(), title="CAP")
    return {"pk": line.pk}


def with_cv(cast):
    profile = profile_for(cast.candidate)
    profile.cv = FileFactory(uploaded_by=cast.candidate)
    profile.save()
    return {}


def signup_token(cast):
    return {"token": make_token(cast.candidate)}


MATRIX = [
    Case("jobs_candidate:signup", everyone(REDIRECT, anonymous=200)),
    Case(
        "jobs_candidate:signup",
        everyone(REDIRECT, anonymous=REDIRECT),
        method="post",
        data=SIGNUP,
    ),
    Case("jobs_candidate:signup_sent", ANYONE),
    Case("jobs_candidate:signup_confirm", ANYONE, kwargs=signup_token),
    Case("jobs_candidate:signup_confirm", everyone(404), kwargs={"token": "faux"}),
    Case("jobs_candidate:become", everyone(200, anonymous=LOGIN, candidate=REDIRECT)),
    Case(
        "jobs_candidate:become",
        everyone(REDIRECT, anonymous=LOGIN),
        method="post",
    ),
    Case("jobs_candidate:profile", CANDIDATE),
    Case("jobs_candidate:edit", CANDIDATE),
    Case(
        "jobs_candidate:edit",
        CANDIDATE_POST,
        method="post",
        data={"headline": "Usineur", "mobility_km": "30"},
    ),
    Case("jobs_candidate:experience_add", CANDIDATE),
    Case("jobs_candidate:experience_add", CANDIDATE_POST, method="post", data=EXPERIENCE),
    Case("jobs_candidate:experience_edit", CANDIDATE, kwargs=own_experience),
    Case(
        "jobs_candidate:experience_edit",
        CANDIDATE_POST,
        kwargs=own_experience,
        method="post",
        data=EXPERIENCE,
    ),
    Case("jobs_candidate:experience_edit", OTHER, kwargs=other_experience),
    Case(
        "jobs_candidate:experience_edit",
        OTHER,
        kwargs=other_experience,
        method="post",
        data=EXPERIENCE,
    ),
    Case("jobs_candidate:experience_delete", CANDIDATE_POST, kwargs=own_experience, method="post"),
    Case("jobs_candidate:experience_delete", OTHER, kwargs=other_experience, method="post"),
    Case(
        "jobs_candidate:experience_delete",
        everyone(403, anonymous=LOGIN, candidate=405),
        kwargs=own_experience,
    ),
    Case("jobs_candidate:education_add", CANDIDATE),
    Case("jobs_candidate:education_add", CANDIDATE_POST, method="post", data=EDUCATION),
    Case("jobs_candidate:education_edit", CANDIDATE, kwargs=own_education),
    Case(
        "jobs_candidate:education_edit",
        CANDIDATE_POST,
        kwargs=own_education,
        method="post",
        data=EDUCATION,
    ),
    Case("jobs_candidate:education_edit", OTHER, kwargs=other_education),
    Case("jobs_candidate:education_delete", CANDIDATE_POST, kwargs=own_education, method="post"),
    Case("jobs_candidate:education_delete", OTHER, kwargs=other_education, method="post"),
    Case("jobs_candidate:cv", CANDIDATE),
    # Posted without a file: the form says so.
    Case("jobs_candidate:cv", CANDIDATE, method="post"),
    # The download itself (a streamed file) is in test_candidate_cv.py.
    Case("jobs_candidate:cv_download", everyone(403, anonymous=LOGIN, candidate=404)),
    Case("jobs_candidate:cv_delete", CANDIDATE_POST, kwargs=with_cv, method="post"),
    # Nothing suggested, nothing checked: the CV page again, with the error.
    Case("jobs_candidate:add_skills", CANDIDATE, method="post"),
    Case("jobs_candidate:visibility", CANDIDATE),
    Case("jobs_candidate:visibility", CANDIDATE_POST, method="post"),
    Case("jobs_candidate:views", CANDIDATE),
    Case("jobs_candidate:data", CANDIDATE),
    Case("jobs_candidate:download", CANDIDATE),
    # A wrong password: the page again, nothing deleted.
    Case("jobs_candidate:delete", CANDIDATE, method="post", data={"password": "faux"}),
]

test_permissions = permission_test(MATRIX)
