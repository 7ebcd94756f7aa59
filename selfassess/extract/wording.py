"""Wording that settles a criterion wherever it stands: desirability phrases, and contact details (never criteria)."""

from __future__ import annotations

import re

I = re.IGNORECASE  # noqa: E741  (the short flag name vocab.py uses)

# Wording that makes a criterion desirable wherever it stands ("... would be useful", "ideally ...").
_ASSET = (
    r"(?:an?\s+|of\s+)?(?:real\s+|distinct\s+|added\s+|definite\s+|great\s+|significant\s+)?"
    r"(?:advantage|advantageous|beneficial|benefit|useful|helpful|valuable|desirable|welcomed?|asset|plus|bonus|"
    r"preferable|preferred)"
)
DESIRABLE_WORDING = re.compile(
    rf"\b(?:would|will|could|may|might)\s+(?:also\s+|certainly\s+|really\s+)?be\s+{_ASSET}\b|"
    rf"\b(?:is|are)\s+(?:also\s+|highly\s+)?(?:welcomed|desirable|preferred|preferable|{_ASSET})\b|"
    r"\bwould\s+(?:also\s+)?(?:desirable|advantageous|help)\b|\bdesirable\b|\bpreferred\b|\bpreferably\b|"
    r"\bideally\b|\bnice\s+to\s+have\b|\ban\s+advantage\b|\badvantageous\b|\bbonus\b|\bnot\s+essential\b",
    I,
)
# Contact details and links: never a criterion ("Tel: 01632 960000", "jobs@example.org", "www.example.org").
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"(?:\+44\s?\(?0?\)?|\b0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
CONTACT_LABEL = re.compile(
    r"^(?:tel|telephone|phone|mobile|e-?mail|fax|website|web|salary|pay|grade|hours|working\s+hours|location|base|"
    r"contract(?:\s+type)?|closing\s+date|interview\s+date|start\s+date|job\s+ref(?:erence)?|ref(?:erence)?(?:\s+no)?)"
    r"\s*[:.]|^interviews?\s+(?:will|are|to)\b",
    I,
)

APPLYING = re.compile(
    r"\b(?:may|can|should|must)\s+(?:also\s+)?(?:submit|send|upload)\s+(?:an?\s+|your\s+|their\s+)?(?:application|cv|form)",
    I,
)


def contact_like(text: str) -> bool:
    """An e-mail address, a link, a UK phone number, a contact or job-details label ("Salary:", "Closing date:")
    an interview arrangement or how to apply ("applicants may submit an application ..."): not a criterion."""
    lowered = text.lower()
    return (
        ("@" in text and bool(EMAIL.search(text)))
        or "http://" in lowered
        or "https://" in lowered
        or "www." in lowered
        or (("0" in text or "+44" in text) and bool(PHONE.search(text)))
        or bool(CONTACT_LABEL.match(text))
        or (("submit" in lowered or "send" in lowered or "upload" in lowered) and bool(APPLYING.search(text)))
    )


# Notes about the selection process, the document itself, or pay and benefits: never a criterion, wherever they
# stand ("Criteria will be assessed at shortlisting ...", "This job description will be reviewed annually",
# "Alongside your salary ... pension scheme", "Benefits: pension, leave").
PROCESS_NOTE = re.compile(
    r"^(?:all\s+|the\s+|these\s+|each\s+of\s+the\s+|your\s+)?(?:criteria|requirements|applications?|applicants|"
    r"candidates|shortlisting|interviews?)\b[^.]{0,60}?\b(?:will|may|shall|are|is)\s+(?:be\s+|also\s+be\s+)?"
    r"(?:assessed|tested|evaluated|measured|judged|scored|shortlisted|held|based|considered)\b"
    r"|^we(?:'ll|\s+will|\s+shall)\s+(?:assess|test|evaluate|score)\s+(?:you|candidates|applicants)\b"
    r"|^(?:this|the)\s+(?:job\s+description|person\s+specification|role\s+profile|job\s+profile|document|post)\b"
    r"[^.]{0,80}?\b(?:will|may|shall|is|are)\s+(?:be\s+)?(?:reviewed|updated|amended|revised|subject\s+to\s+review|"
    r"not\s+(?:exhaustive|intended)|intended|a\s+guide)"
    r"|\byour\s+(?:salary|pay|pension|annual\s+leave|holiday\s+entitlement|benefits)\b"
    r"|£[\d,]+[^.]{0,80}\bpension\b|\bpension\b[^.]{0,80}£[\d,]+"
    r"|^(?:\w+\s+){0,2}benefits\s*[:\-–]",
    I,
)


def process_note(text: str) -> bool:
    """A sentence about how candidates are assessed, the job description itself, or pay and benefits."""
    from .cells import CRITERION_START

    text = text.strip()
    return not CRITERION_START.match(text) and bool(PROCESS_NOTE.search(text))
