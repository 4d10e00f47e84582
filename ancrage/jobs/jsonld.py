"""An offer as schema.org `JobPosting` JSON-LD, the structured data search
engines read on the public offer page (Google's job search: title,
description, datePosted, hiringOrganization and jobLocation are required).

    job_posting(offer, url)   # the dict
    script_tag(data)          # <script type="application/ld+json">, safe in HTML

The offer's text is the company's: the description is HTML-escaped before it
becomes the HTML `description`, and `script_tag` escapes <, > and & so that
no text can close the script element."""

import json
from decimal import Decimal

from django.template.defaultfilters import linebreaks_filter
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ancrage.jobs.models import ApplicationMode, Contract, Remote, SalaryPeriod, WorkingTime
from ancrage.organisations.models import PublicField

# Candidates apply on Ancrage itself to an offer whose application mode is
# "on the platform" (jobs_apply): such an offer is applied to directly.
APPLICATIONS_OPEN = True

# schema.org employmentType for each contract; the working time is added
# to all but freelance and internships.
EMPLOYMENT_TYPES = {
    Contract.CDI: [],
    Contract.CDD: ["TEMPORARY"],
    Contract.INTERIM: ["TEMPORARY"],
    Contract.WORK_STUDY: ["TEMPORARY"],
    Contract.VIE: ["TEMPORARY"],
    Contract.INTERNSHIP: ["INTERN"],
    Contract.FREELANCE: ["CONTRACTOR"],
}
WITHOUT_WORKING_TIME = (Contract.INTERNSHIP, Contract.FREELANCE)

SALARY_UNITS = {SalaryPeriod.YEAR: "YEAR", SalaryPeriod.MONTH: "MONTH", SalaryPeriod.HOUR: "HOUR"}

# What json_script escapes: no "</script>" or "<!--" can appear in the output.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def employment_type(offer):
    types = list(EMPLOYMENT_TYPES.get(offer.contract, ["OTHER"]))
    if offer.contract not in WITHOUT_WORKING_TIME:
        types.append("PART_TIME" if offer.working_time == WorkingTime.PART else "FULL_TIME")
    return types[0] if len(types) == 1 else types


def _number(value):
    """A Decimal as a JSON number: an integer when it has no cents."""
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def base_salary(offer):
    low, high = offer.salary_min, offer.salary_max
    if low is None and high is None:
        return None
    value = {"@type": "QuantitativeValue", "unitText": SALARY_UNITS[offer.salary_period]}
    if low is not None and high is not None and low != high:
        value.update(minValue=_number(low), maxValue=_number(high))
    else:
        value["value"] = _number(low if low is not None else high)
    return {"@type": "MonetaryAmount", "currency": "EUR", "value": value}


def hiring_organization(organisation):
    data = {"@type": "Organization", "name": organisation.name}
    if organisation.website and organisation.publishes(PublicField.WEBSITE):
        data["sameAs"] = organisation.website
    return data


def job_location(commune):
    address = {
        "@type": "PostalAddress",
        "addressLocality": commune.name,
        "addressRegion": commune.region.name,
        "addressCountry": "FR",
    }
    if commune.postal_codes:
        address["postalCode"] = commune.postal_codes[0]
    return {"@type": "Place", "address": address}


def job_posting(offer, url):
    """The JobPosting of `offer` (load organisation, commune__region and
    occupation with it, and its skills), whose page is at the absolute `url`."""
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": offer.title,
        "description": str(linebreaks_filter(escape(offer.description))),
        "identifier": {
            "@type": "PropertyValue",
            "name": offer.organisation.name,
            "value": str(offer.pk),
        },
        "url": url,
        "datePosted": offer.published_on.isoformat() if offer.published_on else None,
        "employmentType": employment_type(offer),
        "hiringOrganization": hiring_organization(offer.organisation),
        "jobLocation": job_location(offer.commune),
        "totalJobOpenings": offer.positions,
        "directApply": APPLICATIONS_OPEN and offer.application_mode == ApplicationMode.PLATFORM,
    }
    if offer.expires_on:
        data["validThrough"] = offer.expires_on.isoformat()
    if offer.remote == Remote.FULL:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "FR"}
    salary = base_salary(offer)
    if salary:
        data["baseSalary"] = salary
    if offer.occupation_id:
        data["occupationalCategory"] = offer.occupation.code
    skills = [item.skill.label for item in offer.skills.all()]
    if skills:
        data["skills"] = skills
    if offer.start_date:
        data["jobStartDate"] = offer.start_date.isoformat()
    return {key: value for key, value in data.items() if value is not None}


def script_tag(data):
    """`data` in a <script type="application/ld+json"> element, escaped like
    Django's json_script so that no value can end the element."""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
