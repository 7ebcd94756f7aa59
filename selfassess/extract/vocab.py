"""The vocabulary of person specifications: kind words, headings, assessment codes, marks."""

from __future__ import annotations

import re

I = re.IGNORECASE  # noqa: E741  (short flag name used in every pattern below)

# A heading that says which kind of criteria follow, with anything after it being a category.
KIND_HEADING = re.compile(
    r"^(?P<kind>essential|desirable)(?:\s+(?:criteria|requirements?|qualities|attributes|skills|"
    r"experience|knowledge|qualifications|competenc(?:y|ies)|for\s+shortlisting))?\b[\s:.\-–—]*(?P<rest>.*)$",
    I,
)
# "Special knowledge requirement: Essential for shortlisting" — a category, then the kind.
KIND_SUFFIX = re.compile(
    r"^(?P<rest>.{3,80}?)[\s:.\-–—(]+(?P<kind>essential|desirable)(?:\s+(?:criteria|requirements?|"
    r"for\s+shortlisting))?\)?[.:]?$",
    I,
)

SPEC_START = re.compile(
    r"^(?:section\s+\w+\s*[:.\-–]\s*)?(?:person(?:nel)?\s+spec(?:ification)?s?|selection\s+criteria|"
    r"criteria\s+for\s+selection|(?:essential|desirable)\s+(?:and\s+desirable\s+)?criteria|"
    r"specific\s+(?:qualifications|requirements|skills)|special\s+knowledge|requirements\s+of\s+the\s+(?:post|role|job)|"
    r"what\s+we\s+are\s+looking\s+for|skills,?\s+knowledge\s+and\s+experience|"
    r"knowledge,?\s+skills,?\s+(?:and\s+)?experience|experience,?\s+skills\s+and\s+knowledge|"
    r"shortlisting\s+criteria|selection\s+and\s+shortlisting)\b",
    I,
)

STOP_HEADING = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:section\s+[c-z]\b|appendi(?:x|ces)\b|(?:key|main|principal|specific)\s+(?:deliverables|"
    r"responsibilities|duties|accountabilities|objectives|tasks|purpose|areas)|deliverables\b|duties\b|"
    r"responsibilities\b|accountabilities\b|job\s+(?:purpose|summary|family|context|overview)|"
    r"role\s+(?:purpose|summary|characteristics|profile\s+family)|purpose\s+of\s+(?:the\s+)?(?:job|post|role)|"
    r"scope\b|work\s+profile|supporting\s+information|(?:working|special)\s+conditions|other\s+information|"
    r"additional\s+information|progression\b|(?:core\s+)?(?:employee\s+)?competenc(?:y|ies)\s+(?:at|framework)|"
    r"core\s+employee|management\s+competencies|pre-?\s?employment|signed\b|compiled\s+by|structure\b|"
    r"about\s+(?:us|the\s+(?:council|organisation|team|service|department))|benefits\b|how\s+to\s+apply|"
    r"corporate\s+safeguarding|driving\s+(?:classification|trigger)|political\s+restriction|clearances\b|"
    r"professional\s+fees|colleague\s+expectations|manager\s+expectations|job\s+description|"
    r"terms\s+and\s+conditions|conditions\s+of\s+(?:service|employment)|organisation(?:al)?\s+chart|"
    r"level\s+definitions?|contact\s+details|further\s+(?:information|details|particulars)\b|"
    r"(?:informal\s+)?enquiries\b|contacts?(?:\s+(?:us|information|person|name))?\s*:?\s*$|closing\s+date\b|"
    r"for\s+(?:more|further)\s+(?:information|details)\b|interview\s+dates?\b|what\s+we\s+(?:can\s+)?offer\b|"
    r"(?:why|reasons\s+to)\s+(?:join|work)\b|our\s+offer\b|rewards?\b|perks\b|salary\b|pay\s+and\s+benefits|"
    r"notes?\s+(?:for|to)\s+(?:applicants|candidates)|equal\s+opportunit(?:y|ies)\s+"
    r"(?:monitoring|statement|policy))",
    I,
)

CATEGORY_WORDS = {
    "qualification",
    "qualifications",
    "education",
    "educational",
    "training",
    "experience",
    "experiences",
    "knowledge",
    "skills",
    "skill",
    "abilities",
    "ability",
    "aptitudes",
    "aptitude",
    "attributes",
    "attribute",
    "qualities",
    "quality",
    "personal",
    "professional",
    "technical",
    "competencies",
    "competency",
    "behaviours",
    "behaviour",
    "values",
    "circumstances",
    "requirements",
    "requirement",
    "special",
    "other",
    "additional",
    "physical",
    "communication",
    "expertise",
    "understanding",
    "work",
    "related",
    "relevant",
    "specific",
    "key",
    "general",
    "interpersonal",
    "management",
    "leadership",
    "disposition",
    "equalities",
    "equality",
    "diversity",
    "registration",
    "licences",
    "practical",
    "intellectual",
    "achievements",
    "attainments",
    "personality",
    "motivation",
    "previous",
    "criteria",
    "and",
    "&",
    "of",
    "the",
    "for",
    "this",
    "role",
    "post",
    "job",
    "required",
    "necessary",
    "needed",
    "job-related",
    "/",
    "or",
    "in",
}

NOTE_START = re.compile(
    r"^(?:see\s|please\b|note\b|notes\b|n\.?b\.?\b|\*|(?:applicants|candidates)\s+(?!with\s+an?\s|"
    r".{0,80}\bmust\s+(?:have|hold|be)\b)|you\s+(?:will|must|should|"
    r"may)\b|we\s+(?:are\s+(?:committed|an?|proud)|will\s+(?:pay|offer|provide|consider)|offer|value|welcome|"
    r"reserve)\b|this\s+(?:section|form|role profile|document)\b|each\s+of\s+the\s+criteria|"
    r"the\s+(?:selection\s+)?criteria\s+(?:below|listed)|key\s*:|e\s*=|\(?e\)?\s*=)",
    I,
)

MARK_TOKEN = r"(?:x|✓|✔|√|☑|☒|■|●|•|\*|y|yes|tick(?:ed)?|ü|þ)"  # ü, þ: ticks typed in Wingdings
MARK_CELL = re.compile(rf"^\s*{MARK_TOKEN}(?:[\s\u2029]+{MARK_TOKEN})*\s*$", I)
KIND_CELL = re.compile(r"^\s*(?:(?P<e>e|ess|essential)|(?P<d>d|des|desirable))\s*\.?\s*$", I)
INLINE_KIND = re.compile(r"[\[(]\s*(?P<kind>e|d|essential|desirable)\s*[\])]", I)
TRAILING_KIND = re.compile(r"(?:\t|\s{2,}|\s[-–—]\s)(?P<kind>essential|desirable|e|d)\s*$", I)
ESSENTIAL_WORDING = re.compile(r"\b(?:is|are)\s+(?:absolutely\s+)?essential\b", I)

METHOD_HEADER = re.compile(
    r"^(?:(?:method|means|mode)s?\s+of\s+assessment|(?:how\s+)?assess(?:ed|ment)(?:\s+(?:by|method|stage|"
    r"criteria))?\b|how\s+(?:assessed|identified|evidenced|tested|measured|demonstrated)|"
    r"(?:identified|evidenced|measured|tested|demonstrated)\s+(?:by|through|via|at)|"
    r"to\s+be\s+(?:assessed|identified|evidenced)|stage\s+assessed|how\s+(?:we|you|it|they)\s+(?:will\s+)?(?:assess|test|check)|"
    r"(?:source\s+of\s+)?evidence\s*:?\s*$|measured\s+by|methods?\s*:?\s*$)",
    I,
)
METHOD_CODES = {
    "a": "application",
    "af": "application",
    "app": "application",
    "application": "application",
    "i": "interview",
    "int": "interview",
    "iv": "interview",
    "t": "test",
    "test": "test",
    "tests": "test",
    "testing": "test",
    "p": "presentation",
    "pr": "presentation",
    "d": "document",
    "doc": "document",
    "c": "document",
    "cert": "document",
    "r": "reference",
    "ref": "reference",
    "refs": "reference",
    "e": "test",
    "ex": "test",
    "s": "application",
    "o": "other",
}
METHOD_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"applica|form|shortlist|\bcv\b|statement|supporting|\bsift", I), "application"),
    (re.compile(r"interview", I), "interview"),
    (
        re.compile(
            r"\btest|exercise|in.?tray|practical|assessment\s+cent|psychometric|skills?\s+assessment|"
            r"written\s+(?:task|assessment)|role.?play|simulation",
            I,
        ),
        "test",
    ),
    (re.compile(r"presentation", I), "presentation"),
    (
        re.compile(
            r"certificat|document|\bdbs\b|\bvisual|disclosure|confirmation|proof|licen[cs]e\s+check|evidence\s+of|"
            r"registration\s+check|qualification\s+check|original",
            I,
        ),
        "document",
    ),
    (re.compile(r"referenc", I), "reference"),
    (
        re.compile(
            r"\bassessment\b|selection\s+(?:procedure|process|event|centre)|observation|trial|probation|"
            r"occupational\s+health|medical|pre-?\s?employment|screening",
            I,
        ),
        "other",
    ),
]
METHOD_FILLER = {
    "and",
    "or",
    "&",
    "/",
    "from",
    "the",
    "service",
    "services",
    "check",
    "checks",
    "form",
    "via",
    "at",
    "by",
    "of",
    "e.g.",
    "eg",
    "written",
    "online",
    "panel",
    "face",
    "to",
    "stage",
    "with",
    "in",
    "on",
    "a",
    "an",
    "+",
    "-",
    "–",
    "centre",
    "center",
    "day",
    "verbal",
    "oral",
    "copy",
    "copies",
    "relevant",
    "process",
    "procedure",
    "selection",
    "application",
    "and/or",
    "candidate",
    "task",
    "tasks",
    "any",
    "associated",
    "questions",
    "questioning",
    "health",
    "both",
    "event",
    "evidence",
    "qualification",
    "qualifications",
}
CODE_RUN = re.compile(
    r"^\s*[A-Za-z]{1,3}(?:\s*[,/&+;.]\s*|\s+and\s+|\s+)(?:[A-Za-z]{1,3}(?:\s*[,/&+;.]\s*|\s+and\s+|\s+))*"
    r"[A-Za-z]{1,3}\s*\.?\s*$|^\s*[A-Za-z]{1,2}\s*$"
)

OPENERS = {
    "able",
    "ability",
    "abilities",
    "proven",
    "good",
    "excellent",
    "strong",
    "sound",
    "knowledge",
    "awareness",
    "understanding",
    "experience",
    "experienced",
    "evidence",
    "demonstrable",
    "demonstrated",
    "with",
    "must",
    "flexible",
    "willing",
    "willingness",
    "commitment",
    "committed",
    "capable",
    "capability",
    "skills",
    "skilled",
    "effective",
    "confident",
    "competent",
    "familiarity",
    "familiar",
    "qualified",
    "degree",
    "relevant",
    "current",
    "full",
    "hold",
    "holds",
    "has",
    "have",
    "can",
    "takes",
    "uses",
    "use",
    "be",
    "is",
    "thorough",
    "detailed",
    "working",
    "practical",
    "previous",
    "significant",
    "extensive",
    "substantial",
    "broad",
    "high",
    "an",
    "a",
    "self",
    "self-motivated",
    "enthusiasm",
    "enthusiastic",
    "empathy",
    "empathetic",
    "resilience",
    "resilient",
    "registered",
    "registration",
    "membership",
    "educated",
    "literate",
    "numerate",
    "fluent",
    "fluency",
}

# A lead-in line that introduces a list: "The post holder should have:", "It would be an advantage to have:".
LEAD_IN_END = re.compile(r"(?::|\s[-–—])\s*$")
DESIRABLE_LEAD = re.compile(
    r"\b(?:might|may|could)\s+(?:also\s+)?have|\bwould\s+(?:also\s+)?be\s+(?:an?\s+)?(?:advantage|advantageous|useful|"
    r"beneficial|desirable|asset|plus)|\bdesirable\b|\bideally\b|\bpreferred\b|\bnice\s+to\s+have",
    I,
)
ESSENTIAL_LEAD = re.compile(
    r"\b(?:should|must|will|shall)\s+(?:also\s+)?(?:have|be|possess|demonstrate|hold|need)|\byou\s+(?:will\s+)?need\b|"
    r"\b(?:are|is)\s+(?:absolutely\s+)?(?:essential|required|necessary)\b|\bessential\b|\brequired\b|"
    r"\byou\s+(?:will\s+)?(?:have|bring|be)\b|\bwe\s+are\s+looking\s+for\b|\bthe\s+ideal\s+candidate\b",
    I,
)
# A preamble that sets the kind of unmarked criteria: "Essential criteria are marked *; all others are desirable",
# "All criteria are essential unless marked (D)".
STAR_PREAMBLE = re.compile(
    r"\b(?P<marked>essential|desirable)\s+(?:criteria|requirements|items|ones)?\s*(?:are|is)\s+(?:marked|indicated|"
    r"shown|denoted|identified|highlighted)\s+(?:with|by)\s+(?:an?\s+)?(?:\*|asterisk)|"
    r"\b(?:criteria|requirements|items|those|ones)\s+(?:marked|indicated|shown)\s+(?:with\s+|by\s+)?(?:an?\s+)?"
    r"(?:\*|asterisk)\s+(?:are|is)\s+(?P<marked2>essential|desirable)",
    I,
)
DEFAULT_PREAMBLE = re.compile(
    r"\ball\s+(?:other\s+)?(?:the\s+)?(?:other\s+)?(?:criteria|requirements|items|others)?\s*(?:\w+\s+){0,3}?"
    r"(?:are|is)\s+(?P<kind>essential|desirable)\b",
    I,
)
LEGEND_LINE = re.compile(r"^(?:are|is|=|means)\s.*\b(?:essential|desirable)\b", I)

# "Essential: a; b; c." — a kind label followed by its criteria on the same line.
INLINE_LIST = re.compile(
    r"^(?P<kind>essential|desirable)(?:\s+(?:criteria|requirements))?\s*[:–—-]\s*(?P<rest>\S.*)$", I
)
# "Qualifications Degree in chemistry E A/C" — a criterion followed by a bare E or D and its codes.
BARE_KIND_CODES = re.compile(
    r"^(?P<text>.*\S)\s+(?P<kind>[ED])\s+(?P<codes>[A-Z]{1,3}(?:\s*[/,.&]\s*[A-Z]{1,3})*)\.?\s*$"
)
# A table's row-number cell ("1", "2.", "(3)").
ROW_NUMBER = re.compile(r"^\(?\d{1,2}[.)]?$")
