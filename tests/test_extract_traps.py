"""One assertion per trap the extraction issue names: each can fail on its own."""

from __future__ import annotations

from datetime import date

from extract_helpers import extract, names, reason_of, value_of

from dateline.extract.article import extract_article
from dateline.extract.found import Extraction
from dateline.extract.people import known_people
from dateline.model import Article, Mark, Person

SEED_LIKE = (
    "Foreign Minister Sergei Lavrov (R) meets Foreign Secretary Boris Johnson in Moscow on "
    "December 22, 2017. (Photo credit should read PAVEL ROMANOV/AFP/Getty Images)\n"
    "May delivers Lord Mayor's Banquet speech\n"
    "04:19 - Source: CNN\n"
    "Moscow CNN —\n\n"
    "Foreign Secretary Boris Johnson and his Russian counterpart Sergey Lavrov held talks "
    "after meeting Friday in Moscow.\n\n"
    "Johnson, on the first visit of a Foreign Secretary to Moscow in five years, said "
    "relations were poor. We will keep talking, Lavrov said.\n\n"
    "Lavrov, second left, and Johnson, right, take part in talks Friday in Moscow.\n\n"
    "CNN's Olga Marin reported from Moscow and Ruth Ellery wrote from London.\n"
)


def test_may_said_is_a_person_not_a_month() -> None:
    assert value_of("Theresa May said the talks were useful.", "May") is None


def test_will_march_is_not_a_month() -> None:
    assert value_of("Protesters will march on the embassy.", "march") == "not found"


def test_five_years_is_a_duration() -> None:
    assert "duration" in reason_of("the first visit in five years", "five years")


def test_years_in_prison_is_a_duration() -> None:
    assert value_of("He was sentenced to 10 years in prison.", "10 years") is None


def test_clock_time_without_a_date_is_rejected() -> None:
    assert "clock time" in reason_of("04:19 - Source: CNN", "04:19")


def test_resolution_number_is_not_a_year() -> None:
    assert value_of("It voted on Resolution 2231 again.", "2231") is None


def test_plural_model_number_is_not_a_decade() -> None:
    assert value_of("The airline grounded its 737s.", "737s") is None


def test_amount_is_not_a_year() -> None:
    assert value_of("Some 2000 troops crossed the border.", "2000") is None


def test_we_is_not_wednesday() -> None:
    assert value_of("We will keep talking, he said.", "We") == "not found"


def test_met_friday_is_the_last_friday_on_or_before_publication() -> None:
    assert value_of("They met Friday in Moscow.", "Friday", date(2017, 12, 24)) == "2017-12-22"


def test_will_meet_friday_is_the_next_friday() -> None:
    assert value_of("They will meet Friday.", "Friday", date(2017, 12, 20)) == "2017-12-22"


def test_yearless_day_takes_the_year_from_publication() -> None:
    assert value_of("Talks were held on 3 March.", "3 March", date(2018, 3, 14)) == "2018-03-03"


def test_british_day_month_year() -> None:
    assert value_of("It opened on 22 December 2017.", "22 December 2017") == "2017-12-22"


def test_american_month_day_year() -> None:
    assert value_of("It opened Dec. 22, 2017, in Moscow.", "Dec. 22, 2017") == "2017-12-22"


def test_decade_is_a_range_of_years() -> None:
    assert value_of("Relations were warmer in the 1990s.", "the 1990s") == "1990/1999"


def test_quarter_is_a_range_of_months() -> None:
    assert value_of("Sales fell in the third quarter of 2009.",
                    "the third quarter of 2009") == "2009-07/2009-09"


def test_range_of_days() -> None:
    assert value_of("The visit ran 17-20 October 1994.", "17-20 October 1994") == \
        "1994-10-17/1994-10-20"


def test_relative_date_needs_a_publication_date() -> None:
    assert value_of("They met yesterday.", "yesterday", None) is None


def test_publication_date_found_in_the_text() -> None:
    assert extract(SEED_LIKE).published_from == "text"


def test_no_publication_date_is_none_never_today() -> None:
    assert extract("Officials met on Friday to discuss the treaty.").published is None


def test_photo_credit_is_a_credit() -> None:
    assert ("Pavel Romanov", "photographer") in {(c.name, c.role) for c in
                                                 extract(SEED_LIKE).credits}


def test_reporters_are_credits() -> None:
    assert {"Olga Marin", "Ruth Ellery"} <= {c.name for c in extract(SEED_LIKE).credits}


def test_credits_are_never_participants() -> None:
    found = extract(SEED_LIKE)
    assert not names(found) & {"Pavel Romanov", "Olga Marin", "Ruth Ellery"}


def test_video_blurb_gives_no_person() -> None:
    assert "Theresa May" not in names(extract(SEED_LIKE))


def test_video_blurb_gives_no_date() -> None:
    assert not [d for d in extract(SEED_LIKE).dates if d.line in {2, 3} and d.accepted]


def test_mid_article_caption_gives_no_event() -> None:
    assert [e.sources[0].quote for e in extract(SEED_LIKE).events if "second left" in
            e.sources[0].quote] == []


def test_exactly_one_event_from_a_seed_like_page() -> None:
    assert [e.date.edtf() for e in extract(SEED_LIKE).events] == ["2017-12-22"]


def test_sergei_and_sergey_are_one_person() -> None:
    assert {m.name for m in extract(SEED_LIKE).people if "Lavrov" in m.text} == {"Sergei Lavrov"}


def test_dmitri_and_dmitry_are_one_person() -> None:
    found = extract("Kremlin spokesman Dmitri Peskov spoke. Dmitry Peskov said more.")
    assert {m.name for m in found.people} == {"Dmitry Peskov"}


def test_aleksandr_and_alexander_are_one_person() -> None:
    found = extract("Colonel Aleksandr Petrov left. Alexander Petrov later returned.")
    assert len({m.name for m in found.people}) == 1


def test_title_introduces_an_unregistered_person() -> None:
    assert "Robert Owen" in names(extract("The inquiry, led by Sir Robert Owen, reported."))


def test_mr_surname_resolves_to_the_full_name_used_earlier() -> None:
    found = extract("Foreign Minister Sergei Lavrov arrived. Mr Lavrov said little.")
    assert [m.name for m in found.people] == ["Sergei Lavrov", "Sergei Lavrov"]


def test_surname_alone_resolves_to_the_full_name_used_earlier() -> None:
    found = extract("Analyst Chris Weafer spoke first. Weafer said prices would fall.")
    assert [m.name for m in found.people] == ["Chris Weafer", "Chris Weafer"]


def test_context_event_keeps_its_year_precision() -> None:
    found = extract("Russia annexed Crimea from Ukraine in 2014, officials recalled.",
                    date(2021, 6, 23))
    assert [(e.date.edtf(), e.date.precision.label) for e in found.events] == [("2014", "year")]


def test_planned_event_is_not_an_event_yet() -> None:
    found = extract("The two ministers will meet again on Friday in Geneva.", date(2019, 6, 14))
    assert found.events == ()


def test_yearless_dateline_does_not_take_a_year_of_history() -> None:
    found = extract("MOSCOW, Oct. 17 — The Queen arrived here for the first visit by a British "
                    "monarch since 1908.")
    assert found.published is None


def test_yearless_dateline_takes_the_year_its_weekday_fits() -> None:
    found = extract("LONDON, March 14 (Reuters) - Britain acted on Wednesday, in its worst row "
                    "of 2018 so far, after a case first raised in 2012.")
    assert found.published is not None and found.published.edtf() == "2018-03-14"


# A weekday in a plan is the next one after publication (Wednesday 20 December 2017 here).
PLANS = {
    "The minister is due on Friday to meet his Russian counterpart.": "2017-12-22",
    "The minister is expected on Friday to sign the treaty.": "2017-12-22",
    "The minister is expected in Moscow on Friday.": "2017-12-22",
    "The minister is set on Friday to unveil new sanctions.": "2017-12-22",
    "The minister plans on Friday to unveil new sanctions.": "2017-12-22",
    "He will be joined on Friday by Sergei Lavrov.": "2017-12-22",
    "The minister is due to be received on Friday by the president.": "2017-12-22",
    "Johnson will travel to Moscow on Friday after talks stalled.": "2017-12-22",
    "Johnson will travel to Moscow, which he last visited in 2012, on Friday.": "2017-12-22",
    "The trip postponed in October is now due on Friday.": "2017-12-22",
    "The talks ended on Friday and will resume in January.": "2017-12-15",
    "He met Lavrov on Friday and said talks would continue.": "2017-12-15",
}


def test_weekday_in_a_plan_is_the_next_one() -> None:
    found = {text: value_of(text, "Friday", date(2017, 12, 20)) for text in PLANS}
    assert found == PLANS


def test_weekday_in_a_plan_gives_no_event() -> None:
    found = extract("The president is expected on Friday to sign the sanctions bill into law.",
                    date(2017, 12, 20))
    assert found.events == ()


def test_middle_initials_stay_inside_one_name() -> None:
    found = extract("Boris N. Yeltsin met George W. Bush on Monday. Former President George "
                    "H. W. Bush, and George H.W. Bush's aides, stayed away.", date(2001, 12, 20))
    assert [(m.text, m.name) for m in found.people] == [
        ("Boris N. Yeltsin", "Boris N. Yeltsin"), ("George W. Bush", "George W. Bush"),
        ("George H. W. Bush", "George H. W. Bush"), ("George H.W. Bush", "George H. W. Bush")]


def test_registry_is_matched_ignoring_initials_unless_they_tell_two_apart() -> None:
    registry = known_people([Person(slug, name, Mark(f"content/people/{slug}.md")) for slug, name
                             in (("boris-yeltsin", "Boris Yeltsin"),
                                 ("george-w-bush", "George W. Bush"),
                                 ("george-h-w-bush", "George H. W. Bush"))])
    text = "Boris N. Yeltsin met George W. Bush on Monday. George H. W. Bush stayed away."
    found = extract_article(Article("story", Mark("content/articles/story.txt"), text),
                            registry, date(2001, 12, 20))
    assert [(m.text, m.slug) for m in found.people] == [
        ("Boris N. Yeltsin", "boris-yeltsin"), ("George W. Bush", "george-w-bush"),
        ("George H. W. Bush", "george-h-w-bush")]


NOT_EVENTS = (
    "The parade is a tradition dating back to 1874 in the city of London.",
    "The club was founded in 1874 by a group of merchants from London.",
    "The embassy building was built in the 1870s for a merchant family.",
    "The government promised to cut emissions by 2030 across the whole country.",
    "Officials said the deal must be signed by the end of the year at the latest.",
    "Britain set a deadline of March 31 for Moscow to respond to the demands.",
    "The troops must leave by mid-March under the agreement reached in Minsk.",
)


def test_background_ages_and_deadlines_give_no_event() -> None:
    found = {text: [e.date.edtf() for e in extract(text, date(2018, 3, 14)).events]
             for text in NOT_EVENTS}
    assert found == {text: [] for text in NOT_EVENTS}


def test_background_age_gives_way_to_the_event_in_the_sentence() -> None:
    found = extract("The company, established in 1990, opened its London office in 2005.",
                    date(2018, 3, 14))
    assert [e.date.edtf() for e in found.events] == ["2005"]


def test_background_age_says_why_it_is_no_event() -> None:
    found = extract("The club was founded in 1874 by a group of merchants.", date(2018, 3, 14))
    assert [(d.text, d.accepted, "background" in d.reason) for d in found.dates] == [
        ("1874", True, True)]


def test_a_date_that_names_a_happening_after_since_is_still_an_event() -> None:
    found = extract("Relations have been poor since the 2006 poisoning of Alexander Litvinenko "
                    "in London.", date(2017, 12, 22))
    assert [e.date.edtf() for e in found.events] == ["2006"]


def test_title_goes_to_the_person_it_stands_before() -> None:
    found = extract("Foreign Secretary Boris Johnson met Russian counterpart Sergei Lavrov in "
                    "Moscow. Kremlin spokesman Dmitry Peskov and Mr Lavrov spoke later.",
                    date(2017, 12, 22))
    assert [(m.name, m.title) for m in found.people] == [
        ("Boris Johnson", "Foreign Secretary"), ("Sergei Lavrov", ""),
        ("Dmitry Peskov", "spokesman"), ("Sergei Lavrov", "")]


def test_a_season_with_a_year_is_a_range_of_months() -> None:
    text = "In the summer of 2018 and in spring 2014 and in the autumn of 2006 it changed."
    assert [value_of(text, phrase) for phrase in (
        "the summer of 2018", "spring 2014", "the autumn of 2006")] == [
        "2018-06/2018-08", "2014-03/2014-05", "2006-09/2006-11"]
    assert value_of("Sales rose in fall 2019, he said.", "fall 2019") == "2019-09/2019-11"


def test_a_winter_is_only_its_year_and_says_why() -> None:
    text = "The talks collapsed in winter 2014, officials said."
    assert value_of(text, "winter 2014") == "2014~"
    assert "winter" in reason_of(text, "winter 2014")


def test_a_season_gives_a_context_event_at_month_precision() -> None:
    found = extract("In the summer of 2018 the embassy closed its consular section in Moscow.",
                    date(2021, 6, 23))
    assert [(e.date.edtf(), e.date.precision.label) for e in found.events] == [
        ("2018-06/2018-08", "month")]


SALISBURY = (
    "On 4 March 2018 Sergei Skripal was found unconscious on a bench in Salisbury. "
    "The next day police declared a major incident in the city. "
    "Two days later soldiers trained in chemical warfare were sent in. "
    "A week later the government named the nerve agent used in the attack. "
    "Detectives said the pair had eaten at a restaurant the day before.\n"
)


def _event_dates(found: Extraction) -> dict[str, str]:
    return {e.date.edtf(): e.sources[0].quote.split()[0] for e in found.events}


def test_the_next_day_counts_from_the_day_named_before_it() -> None:
    found = extract(SALISBURY, date(2018, 3, 20))
    assert _event_dates(found) == {"2018-03-04": "On", "2018-03-05": "The", "2018-03-07": "Two",
                                   "2018-03-14": "A", "2018-03-13": "Detectives"}
    said = {m.text: m.reason for m in found.dates}
    assert "counted from 2018-03-04" in said["The next day"]


def test_the_same_day_and_that_day_are_the_day_named_before() -> None:
    found = extract("Talks were held in Geneva on 12 May 2019. The same day Lavrov flew to "
                    "Sochi, and officials said that day was a turning point.", date(2019, 6, 1))
    assert [(m.text, m.value.edtf() if m.value else None) for m in found.dates] == [
        ("12 May 2019", "2019-05-12"), ("The same day", "2019-05-12"),
        ("that day", "2019-05-12")]


def test_the_next_day_without_an_earlier_day_is_rejected_not_guessed() -> None:
    found = extract("The next day police declared a major incident in the city.",
                    date(2018, 3, 20))
    assert [(m.value, m.accepted) for m in found.dates] == [(None, False)]
    assert "no earlier sentence names one" in found.dates[0].reason
    assert found.events == ()


def test_a_month_is_not_a_day_to_count_from() -> None:
    found = extract("Skripal moved to Salisbury in March 2011. The following day he bought a "
                    "house.", date(2018, 3, 20))
    assert [m.value for m in found.dates if m.text == "The following day"] == [None]


def test_days_before_a_named_happening_count_from_it_not_from_the_story() -> None:
    text = "He arrived on 4 March 2018, two days before the vote."
    assert reason_of(text, "two days before") == \
        "counted from another date in the story, not from publication"


def test_that_day_has_come_is_not_a_date() -> None:
    found = extract("On 4 May 2019 he said it plainly. Unfortunately, that day has come.",
                    date(2019, 5, 5))
    assert [m.value for m in found.dates if m.text == "that day"] == [None]
