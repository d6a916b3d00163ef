"""The four ones judged at period boundaries: ISO weeks, month ends, quarter ends, year end, with
"today" taken in the office's time zone (Asia/Shanghai)."""

import datetime

import pytest

from learning import four_ones
from learning.four_ones import (
    ARTICLE,
    BOOK,
    DUE,
    MET,
    MISSED,
    MONTH,
    QUARTER,
    SKILL,
    THEORY,
    UPCOMING,
    WEEK,
    YEAR,
    four_ones_progress,
    local_today,
    period_containing,
    periods,
)

D = datetime.date


def progress(year, today, **dates):
    return four_ones_progress(dates, year, today)


# ---------------------------------------------------------------- periods


def test_iso_weeks_start_on_monday_and_may_reach_into_the_previous_year():
    weeks = periods(WEEK, 2025)
    assert len(weeks) == 52
    assert weeks[0].start == D(2024, 12, 30)
    assert weeks[-1].end == D(2025, 12, 28)


def test_a_year_with_53_iso_weeks():
    weeks = periods(WEEK, 2026)
    assert len(weeks) == 53
    assert weeks[-1].start == D(2026, 12, 28)
    assert weeks[-1].end == D(2027, 1, 3)


@pytest.mark.parametrize(
    ("day", "year", "week"),
    [
        (D(2024, 12, 29), 2024, 52),  # Sunday: the last day of 2024's last week
        (D(2024, 12, 30), 2025, 1),  # Monday: already 2025's first week
        (D(2025, 12, 28), 2025, 52),
        (D(2025, 12, 29), 2026, 1),
        (D(2027, 1, 3), 2026, 53),  # a January Sunday still in 2026's week 53
    ],
)
def test_a_day_belongs_to_its_iso_week(day, year, week):
    period = period_containing(WEEK, day)
    assert (period.year, period.number) == (year, week)
    assert period.start <= day <= period.end


def test_month_and_quarter_ends_include_leap_day():
    months = periods(MONTH, 2024)
    assert months[1].end == D(2024, 2, 29)
    assert periods(MONTH, 2025)[1].end == D(2025, 2, 28)
    assert [q.end for q in periods(QUARTER, 2025)] == [
        D(2025, 3, 31),
        D(2025, 6, 30),
        D(2025, 9, 30),
        D(2025, 12, 31),
    ]
    assert periods(YEAR, 2025)[0].end == D(2025, 12, 31)


# ---------------------------------------------------------------- weeks


def test_an_article_read_on_sunday_counts_for_that_week_not_the_next():
    result = progress(2025, D(2025, 1, 13), article=[D(2025, 1, 12)]).get(ARTICLE)
    assert result.periods[1].state == MET  # week 2: 6-12 January
    assert result.periods[2].state == DUE  # week 3 started on Monday 13 January


def test_an_article_read_on_30_december_counts_for_the_next_years_first_week():
    this_year = progress(2024, D(2025, 1, 5), article=[D(2024, 12, 30)]).get(ARTICLE)
    next_year = progress(2025, D(2025, 1, 5), article=[D(2024, 12, 30)]).get(ARTICLE)
    assert this_year.met == 0
    assert next_year.periods[0].state == MET
    assert next_year.met == 1


def test_a_week_is_missed_only_once_it_has_ended():
    on_sunday = progress(2025, D(2025, 1, 12)).get(ARTICLE)
    on_monday = progress(2025, D(2025, 1, 13)).get(ARTICLE)
    assert on_sunday.periods[1].state == DUE
    assert on_monday.periods[1].state == MISSED
    assert on_monday.periods[3].state == UPCOMING


def test_two_articles_in_one_week_do_not_fill_another_week():
    result = progress(2025, D(2025, 1, 20), article=[D(2025, 1, 6), D(2025, 1, 7)]).get(ARTICLE)
    assert [p.state for p in result.periods[:4]] == [MISSED, MET, MISSED, DUE]
    assert result.periods[1].count == 2


# ---------------------------------------------------------------- months and quarters


def test_a_book_read_on_the_last_day_of_the_month_counts_for_that_month():
    result = progress(2025, D(2025, 3, 1), book=[D(2025, 2, 28)]).get(BOOK)
    assert result.periods[1].state == MET
    assert result.periods[2].state == DUE
    assert result.periods[0].state == MISSED


def test_on_the_last_day_of_a_month_the_book_is_still_due_not_missed():
    assert progress(2025, D(2025, 1, 31)).get(BOOK).periods[0].state == DUE
    assert progress(2025, D(2025, 2, 1)).get(BOOK).periods[0].state == MISSED


def test_a_theoretical_article_published_on_31_march_counts_for_the_first_quarter():
    result = progress(2025, D(2025, 4, 1), theory=[D(2025, 3, 31)]).get(THEORY)
    assert [p.state for p in result.periods] == [MET, DUE, UPCOMING, UPCOMING]


def test_a_theoretical_article_on_1_april_counts_for_the_second_quarter():
    result = progress(2025, D(2025, 4, 1), theory=[D(2025, 4, 1)]).get(THEORY)
    assert [p.state for p in result.periods] == [MISSED, MET, UPCOMING, UPCOMING]


# ---------------------------------------------------------------- the year


def test_the_skill_is_due_until_31_december_and_missed_from_1_january():
    assert progress(2025, D(2025, 12, 31)).get(SKILL).periods[0].state == DUE
    assert progress(2025, D(2026, 1, 1)).get(SKILL).periods[0].state == MISSED
    assert progress(2025, D(2026, 1, 1), skill=[D(2025, 12, 31)]).get(SKILL).met == 1


def test_a_past_year_is_judged_whole_and_a_future_year_has_nothing_due():
    past = progress(2024, D(2025, 6, 1))
    assert all(c.due_now is False for c in past)
    assert past.get(BOOK).missed == 12
    future = progress(2026, D(2025, 6, 1))
    assert all(p.state == UPCOMING for c in future for p in c.periods)


def test_due_lists_the_cadences_whose_current_period_wants_something():
    result = progress(2025, D(2025, 5, 14), article=[D(2025, 5, 13)], book=[D(2025, 5, 2)])
    assert {c.one.kind for c in result.due} == {THEORY, SKILL}


def test_summary_counts_elapsed_and_completed_periods():
    result = progress(2025, D(2025, 5, 14), book=[D(2025, 1, 5), D(2025, 3, 3)]).get(BOOK)
    assert result.elapsed == 5
    assert result.completed == 4
    assert result.met == 2
    assert result.missed == 2
    assert result.due_now


# ---------------------------------------------------------------- the office's time zone


def test_today_is_taken_in_asia_shanghai(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    # 16:30 UTC on New Year's Eve is already half past midnight on 1 January in Shanghai.
    now = datetime.datetime(2024, 12, 31, 16, 30, tzinfo=datetime.UTC)
    assert local_today(now) == D(2025, 1, 1)
    assert local_today(datetime.datetime(2024, 12, 31, 15, 59, tzinfo=datetime.UTC)) == D(
        2024, 12, 31
    )


def test_a_year_turns_over_at_shanghai_midnight_for_the_skill(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    before = local_today(datetime.datetime(2025, 12, 31, 15, 59, tzinfo=datetime.UTC))
    after = local_today(datetime.datetime(2025, 12, 31, 16, 0, tzinfo=datetime.UTC))
    assert progress(2025, before).get(SKILL).periods[0].state == DUE
    assert progress(2025, after).get(SKILL).periods[0].state == MISSED


def test_a_quarter_ends_at_shanghai_midnight(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    # 30 June, 23:30 in Shanghai: the second quarter is still due.
    day = local_today(datetime.datetime(2025, 6, 30, 15, 30, tzinfo=datetime.UTC))
    assert day == D(2025, 6, 30)
    assert progress(2025, day).get(THEORY).periods[1].state == DUE
    day = local_today(datetime.datetime(2025, 6, 30, 16, 30, tzinfo=datetime.UTC))
    assert progress(2025, day).get(THEORY).periods[1].state == MISSED


def test_the_year_span_covers_iso_weeks_beyond_the_calendar_year():
    assert four_ones.year_span(2025) == (D(2024, 12, 30), D(2025, 12, 31))
    assert four_ones.year_span(2026) == (D(2025, 12, 29), D(2027, 1, 3))
