"""Places named in a sentence: the dateline's place and a small gazetteer of the news."""

from __future__ import annotations

import re
from collections.abc import Iterable

GAZETTEER = frozenset(
    "Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain "
    "Belarus Belgium Bosnia Brazil Britain Bulgaria Canada Chechnya Chile China Colombia "
    "Crimea Croatia Cuba Cyprus Czechia Denmark Donbas Donetsk Egypt England Estonia Ethiopia "
    "Europe Finland France Georgia Germany Greece Hungary Iceland India Indonesia Iran Iraq "
    "Ireland Israel Italy Japan Jordan Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan Latvia "
    "Lebanon Libya Lithuania Luhansk Luxembourg Malaysia Mali Malta Mexico Moldova Mongolia "
    "Montenegro Morocco Netherlands Nigeria Norway Pakistan Palestine Poland Portugal Qatar "
    "Romania Russia Scotland Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden "
    "Switzerland Syria Taiwan Tajikistan Thailand Transnistria Tunisia Turkey Turkmenistan "
    "Ukraine Uzbekistan Venezuela Vietnam Wales Yemen Zimbabwe Abkhazia Ossetia "
    "Moscow London Kyiv Kiev Minsk Washington Paris Berlin Brussels Rome Madrid Vienna Warsaw "
    "Prague Budapest Helsinki Stockholm Oslo Copenhagen Tallinn Riga Vilnius Tbilisi Yerevan "
    "Baku Ankara Istanbul Tehran Baghdad Damascus Beirut Jerusalem Cairo Beijing Tokyo Seoul "
    "Delhi Kabul Islamabad Geneva Munich Hamburg Sochi Kazan Novosibirsk Vladivostok Murmansk "
    "Kaliningrad Sevastopol Simferopol Odesa Odessa Kharkiv Mariupol Salisbury Amesbury "
    "Edinburgh Glasgow Cardiff Belfast Manchester Birmingham Liverpool Leeds Oxford Cambridge "
    "Brighton Dover Portsmouth Plymouth Aldermaston Davos Helsinki Ottawa Canberra Sydney "
    "Strasbourg Luxembourg Hague Athens Lisbon Dublin Reykjavik Belgrade Bucharest Sofia "
    "Chisinau Astana Tashkent Aleppo Idlib Gaza Kerch Mosul Benghazi Tripoli Downing Whitehall "
    "Westminster Kremlin Petersburg Stalingrad Volgograd Yekaterinburg Grozny".split()
)  # fmt: skip
MULTI = ("St Petersburg", "St. Petersburg", "Saint Petersburg", "New York", "North Korea",
         "South Korea", "Northern Ireland", "United States", "United Kingdom", "Black Sea",
         "Baltic Sea", "Hong Kong", "Saudi Arabia", "South Africa", "New Delhi", "The Hague",
         "Los Angeles", "Red Square", "Downing Street", "Sea of Azov", "Kerch Strait",
         "Korean Peninsula", "Middle East")
_MULTI = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in MULTI) + r")\b")
_SINGLE = re.compile(r"\b(?:in|at|to|from|near|outside|inside|visited|visit|visiting|"
                     r"across|around|into)\s+(?:the\s+)?([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)")
_EVENT_PLACES = frozenset({"Downing Street", "Kremlin", "Whitehall", "Westminster", "Downing"})


def find_places(sentence: str, known: Iterable[str] = ()) -> list[str]:
    """Places in ``sentence`` after a preposition, or multi-word names; in order, once each."""
    found: list[tuple[int, str]] = []
    for match in _MULTI.finditer(sentence):
        found.append((match.start(), match.group().replace("St. ", "St ")))
    extra = set(known)
    for match in _SINGLE.finditer(sentence):
        name = match.group(1)
        head = name.split()[0]
        if name in GAZETTEER or name in extra:
            found.append((match.start(1), name))
        elif head in GAZETTEER or head in extra:
            found.append((match.start(1), head))
    places: list[str] = []
    for _start, name in sorted(found):
        if name not in places and name not in _EVENT_PLACES and not any(
                name in other for other in places):
            places.append(name)
    return places
