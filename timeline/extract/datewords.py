"""The words of a page's stamps and datelines, as regular-expression source shared by the
furniture modules: months, weekdays, time zones, clock times, full dates, news agencies."""

from __future__ import annotations

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
ZONE = r"(?:GMT|UTC|BST|CET|CEST|EET|EEST|[ECMP][SD]T|ET|IST|AST|local\s+time|UK\s+time)"
CLOCK = rf"\d{{1,2}}[:.]\d{{2}}(?:\s*[aApP]\.?[mM]\.?)?(?:\s*{ZONE})?"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
FULL_DATE = rf"(?:{MONTH}\s+{DAY},?\s+\d{{4}}|{DAY}\s+{MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
AGENCY = (
    r"\((?:Reuters|AP|AFP|UPI|dpa|DPA|Xinhua|Bloomberg|CNN|BBC|IANS|PTI|ANI|WAFA|Anadolu|"
    r"Al\s+Jazeera|AA|TASS|Sputnik|Yonhap|Kyodo|JTA|EFE|ANSA|Interfax|CNA|Agencies)\)"
)
