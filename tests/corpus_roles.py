"""Invented roles for the fixture corpus: titles, employers and criteria written for these tests only.

Each criterion is (text, kind, methods); methods use the contract's words. No real employer or person.
"""

from __future__ import annotations

Criterion = tuple[str, str, list[str]]
Role = dict

A, I, T, P, D, R = "application", "interview", "test", "presentation", "document", "reference"  # noqa: E741

ROLES: list[Role] = [
    {
        "title": "Parks Ranger",
        "organisation": "Millbrook District Council",
        "categories": [
            (
                "Qualifications",
                [
                    ("A Level 3 qualification in countryside management or equivalent experience", "essential", [A, D]),
                    ("A chainsaw operator certificate", "desirable", [D]),
                ],
            ),
            (
                "Experience",
                [
                    ("Experience of leading volunteer work parties outdoors", "essential", [A, I]),
                    ("Experience of running guided walks for schools", "desirable", [A]),
                    ("Experience of recording wildlife surveys", "essential", [A, I]),
                ],
            ),
            (
                "Skills and abilities",
                [
                    ("Able to explain site rules calmly to members of the public", "essential", [I]),
                    ("Able to use GIS mapping software", "desirable", [T]),
                ],
            ),
        ],
    },
    {
        "title": "Housing Support Officer",
        "organisation": "Hartwell Homes Trust",
        "categories": [
            (
                "Knowledge",
                [
                    ("Knowledge of tenancy law as it affects social housing", "essential", [A, I]),
                    ("Understanding of welfare benefits for working-age tenants", "essential", [I]),
                    ("Awareness of hoarding and self-neglect support services", "desirable", [I]),
                ],
            ),
            (
                "Experience",
                [
                    ("Experience of managing a caseload of vulnerable tenants", "essential", [A, I]),
                    ("Experience of completing risk assessments for home visits", "essential", [A]),
                    ("Experience of working with mental health services", "desirable", [A, I]),
                ],
            ),
            (
                "Personal qualities",
                [
                    ("Willing to work occasional evenings for tenant meetings", "essential", [A]),
                    ("A full driving licence and use of a car for work", "essential", [D]),
                ],
            ),
        ],
    },
    {
        "title": "Laboratory Technician",
        "organisation": "University of Eastmoor",
        "categories": [
            (
                "Qualifications",
                [
                    ("A degree in chemistry, biology or a related science", "essential", [A, D]),
                    ("Membership of the Institute of Science and Technology", "desirable", [A]),
                ],
            ),
            (
                "Experience",
                [
                    ("Experience of preparing practical classes for undergraduate students", "essential", [A, I]),
                    ("Experience of maintaining chemical stock records", "essential", [A, I]),
                    ("Experience of operating a fume cupboard testing schedule", "desirable", [A]),
                ],
            ),
            (
                "Skills",
                [
                    ("Accurate record keeping using spreadsheets", "essential", [T]),
                    ("Able to train students in safe handling of glassware", "essential", [I, P]),
                ],
            ),
        ],
    },
    {
        "title": "Volunteer Coordinator",
        "organisation": "Riverside Food Network",
        "categories": [
            (
                "Experience",
                [
                    ("Experience of recruiting and supporting volunteers", "essential", [A, I]),
                    ("Experience of organising rotas for a large team", "essential", [A]),
                    ("Experience of fundraising events", "desirable", [A]),
                ],
            ),
            (
                "Skills",
                [
                    ("Clear written communication for newsletters and social media", "essential", [A, T]),
                    ("Confident speaking to community groups", "essential", [I, P]),
                    ("Able to speak a community language", "desirable", [I]),
                ],
            ),
            (
                "Other",
                [
                    ("Commitment to equality and inclusion", "essential", [I]),
                    ("Able to lift crates of food safely", "essential", [I]),
                ],
            ),
        ],
    },
    {
        "title": "Senior Payroll Officer",
        "organisation": "Westford Borough Council",
        "categories": [
            (
                "Qualifications",
                [
                    ("CIPP Foundation Degree in Payroll Management or working towards it", "essential", [A, D]),
                    ("GCSE Maths at grade 4 or above", "essential", [D]),
                ],
            ),
            (
                "Experience",
                [
                    ("Experience of running monthly payroll for over 1,000 employees", "essential", [A, I]),
                    ("Experience of local government pension scheme returns", "desirable", [A, I]),
                    ("Experience of supervising payroll staff", "desirable", [A, I]),
                ],
            ),
            (
                "Skills and knowledge",
                [
                    ("Knowledge of statutory sick pay and maternity pay rules", "essential", [T, I]),
                    ("Advanced spreadsheet skills including lookups", "essential", [T]),
                ],
            ),
        ],
    },
    {
        "title": "School Business Manager",
        "organisation": "Ashgrove Primary School",
        "categories": [
            (
                "Qualifications",
                [
                    ("A Certificate of School Business Management or equivalent", "desirable", [A, D]),
                    ("Educated to degree level or equivalent experience", "essential", [A]),
                ],
            ),
            (
                "Experience",
                [
                    ("Experience of setting and monitoring a budget", "essential", [A, I]),
                    ("Experience of managing contracts for cleaning and catering", "essential", [A, I]),
                    ("Experience of working in a school office", "desirable", [A]),
                ],
            ),
            (
                "Skills",
                [
                    ("Able to present financial reports to governors", "essential", [I, P]),
                    ("Able to keep confidential information secure", "essential", [I, R]),
                ],
            ),
        ],
    },
    {
        "title": "Community Physiotherapist",
        "organisation": "Northvale Community Health NHS Trust",
        "categories": [
            (
                "Qualifications",
                [
                    ("Degree in physiotherapy", "essential", [A, D]),
                    ("HCPC registration", "essential", [A, D]),
                    ("Postgraduate training in falls prevention", "desirable", [A]),
                ],
            ),
            (
                "Experience",
                [
                    ("Experience of treating patients in their own homes", "essential", [A, I]),
                    ("Experience of supervising therapy assistants", "desirable", [A, I]),
                ],
            ),
            (
                "Skills",
                [
                    ("Able to manage a caseload independently", "essential", [I]),
                    ("Able to write clear clinical notes", "essential", [A, T]),
                ],
            ),
        ],
    },
    {
        "title": "Museum Learning Assistant",
        "organisation": "Castlegate Heritage Trust",
        "categories": [
            (
                "Experience",
                [
                    ("Experience of delivering activities to family audiences", "essential", [A, I]),
                    ("Experience of working with children with special educational needs", "desirable", [A, I]),
                ],
            ),
            (
                "Knowledge",
                [
                    ("Interest in local history and archaeology", "essential", [I]),
                    ("Knowledge of the primary history curriculum", "desirable", [I]),
                ],
            ),
            (
                "Skills",
                [
                    ("Able to handle museum objects with care", "essential", [I, T]),
                    ("Good organisational skills and attention to detail", "essential", [A, I]),
                    ("Able to play a musical instrument", "desirable", [I]),
                ],
            ),
        ],
    },
]
