"""Word lists of the news genre: months, weekdays, numbers, titles, given names, spellings."""

from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|"
            r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|"
            r"Oct\.?|Nov\.?|Dec\.?)")
FULL_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|"
                 r"November|December)")
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "hundred": 100, "a couple of": 2, "couple of": 2, "several": 3, "a few": 3, "few": 3,
}  # fmt: skip
NUMBER_RE = (r"(?:\d+(?:\.\d+)?|a couple of|couple of|a few|few|several|many|some|"
             r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
             r"three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|"
             r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
             r"eighteen|nineteen|hundreds of|thousands of|a|an)")
UNIT_RE = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century|centurie)"
ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                   "fourth": 4, "4th": 4, "final": 4}
# Words before a four-digit number that make it a name or an amount, not a year.
NOT_YEAR_BEFORE = frozenset(
    "resolution flight no number article section route model room chapter clause paragraph "
    "bill item case rule boeing airbus type class platform page seat code line version "
    "pages about nearly almost around approximately some than over under exactly roughly "
    "only just least additional another extra".split()
)  # fmt: skip
# Plural nouns after a four-digit number that make it a count.
COUNT_AFTER = frozenset(
    "people persons troops soldiers men women children workers jobs votes members cases deaths "
    "dead miles kilometres kilometers km metres meters feet tonnes tons pounds dollars euros "
    "roubles rubles shares barrels units homes houses cars flights calls points times seats "
    "votes pages words residents students officers police employees staff civilians refugees "
    "migrants protesters delegates prisoners hectares acres signatures copies users customers "
    "stores percent".split()
)  # fmt: skip
# Titles and roles that introduce a name: "Foreign Secretary Boris Johnson".
TITLE_WORDS = frozenset(
    "mr mrs ms miss dr sir dame lord lady baroness baron judge justice president "
    "vice-president chancellor king queen prince princess senator sen rep gov governor general "
    "gen colonel col lieutenant captain capt admiral major sergeant ambassador minister "
    "secretary premier pope cardinal archbishop bishop rev reverend father sheikh emir "
    "spokesman spokeswoman spokesperson analyst economist professor prof chairman chairwoman "
    "chair ceo executive director commissioner mayor inspector detective superintendent "
    "officer leader deputy envoy lawyer attorney prosecutor coroner counterpart diplomat "
    "chief founder co-founder presiding speaker congressman congresswoman mp lawmaker "
    "commander marshal sheriff adviser advisor aide negotiator activist candidate nominee "
    "magistrate".split()
)  # fmt: skip
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady baroness".split())
# Common given names (many languages) that make "Given Surname" a person.
GIVEN_NAMES = frozenset(
    "aaron adam adrian agnes ahmed aisha alan alastair albert alec aleksandr aleksei alex "
    "alexander alexandra alexandre alexei alexey alexis ali alice alison alistair amanda amber "
    "amy ana anatoly andre andrea andreas andrei andrew andrey andy angela angelina ann anna "
    "anne annie anthony antonio arkady arthur ashley barack barbara ben benjamin bernard "
    "bernie betty bill billy bob boris brad brandon brian bruce carl carlos carol caroline "
    "catherine charles charlie charlotte chris christian christina christine christopher "
    "claire clare colin craig daniel danny david dean deborah denis dennis diana diane dmitri "
    "dmitriy dmitry dominic donald doug douglas duncan ed edward elena elizabeth ellen emily "
    "emma emmanuel eric erik eugene evgeny fiona francis francois frank fred gary gavin "
    "geoffrey george georgy gerhard gordon grace graham grant greg gregory hans harold harriet "
    "harry heather helen henry hillary hugh iain ian igor ilya irina isabel ivan jack jacob "
    "james jamie jan jane janet jason jean jeff jennifer jenny jeremy jessica jim joe johannes "
    "john jon jonathan joseph josh julia julian julie justin karen kate katherine kathryn "
    "keir keith kemi ken kenneth kevin kim kirill konstantin kwasi larry laura lauren leo "
    "leonid linda lisa liz louise lucy lyudmila maria marie marina mark martin mary matt "
    "matthew maxim michael michel michelle mike mikhail natalia natalya nathan neil nicholas "
    "nick nicola nicolas nigel nikita nikolai nikolay oleg olga oliver patrick paul peter "
    "philip priti rachel ralph ramzan raymond rebecca richard rishi rob robert robin roger "
    "roman ronald rose ross ruth ryan sadiq sajid sally sam samantha sarah scott sean sergei "
    "sergey serguei sergej simon sophie stephen steve steven stuart sue susan suella svetlana "
    "tatiana tatyana theresa thomas tim timothy tina tobias tom tony valentina valery "
    "vasily victor viktor vince vladimir vladislav walter wendy william yevgeny yulia yuri "
    "yury zoe".split()
)  # fmt: skip
# Spellings of one given name that transliteration produces; the value is the shared key.
VARIANTS = {
    "sergey": "sergei", "serguei": "sergei", "sergej": "sergei", "serge": "sergei",
    "dmitri": "dmitry", "dmitriy": "dmitry", "dimitri": "dmitry",
    "aleksandr": "alexander", "alexandr": "alexander", "aleksander": "alexander",
    "alexey": "alexei", "aleksei": "alexei", "aleksey": "alexei",
    "andrey": "andrei", "nikolay": "nikolai", "yury": "yuri", "iouri": "yuri", "yuriy": "yuri",
    "evgeny": "yevgeny", "evgeni": "yevgeny", "yevgeni": "yevgeny", "evgenii": "yevgeny",
    "mikhael": "mikhail", "georgiy": "georgy", "georgi": "georgy", "vasiliy": "vasily",
    "valeriy": "valery", "valeri": "valery", "natalya": "natalia", "tatyana": "tatiana",
    "arkadiy": "arkady", "anatoliy": "anatoly", "gennadiy": "gennady", "grigoriy": "grigory",
}  # fmt: skip
