"""The public notice's 5 working days over China's public holidays and make-up working days."""

from __future__ import annotations

import datetime as dt

import pytest

from app import notice
from app.errors import NoticeError

D = dt.date.fromisoformat


def test_the_documents_ask_for_5_working_days(seeds_dir):
    # 〔000〕五（四）and 〔001〕（五）, word for word
    assert "候选名单向社会公示5个工作日，公示无异议或者异议不成立的" in (seeds_dir / "000_adc06df6534c35e3.txt").read_text()
    assert "候选名单向社会公示5个工作日，公示无异议或者异议不成立的" in (seeds_dir / "001_6bf84354e1913d1a.txt").read_text()
    assert notice.DAYS == 5


def test_a_period_over_national_day_2025_with_a_make_up_working_day():
    # 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）:
    # "国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。"
    # Worked by hand from Fri 2025-09-26: 26 (1), Sat 27 rest, Sun 28 make-up working day (2), Mon 29 (3),
    # Tue 30 (4), 1–8 October rest, Thu 9 October (5).
    n = notice.period(D("2025-09-26"))
    assert n.days == ["2025-09-26", "2025-09-28", "2025-09-29", "2025-09-30", "2025-10-09"]
    assert (n.start, n.end) == ("2025-09-26", "2025-10-09")
    assert n.make_up == ["2025-09-28"]
    skipped = dict(n.skipped)
    assert skipped["2025-09-27"] == "周六"
    assert skipped["2025-10-01"] == "国庆节"
    assert [d for d in skipped if d.startswith("2025-10")] == [f"2025-10-0{k}" for k in range(1, 9)]
    assert not n.set_by_hand


def test_a_period_over_the_spring_festival_2026():
    # 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）:
    # "春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。"
    # By hand from Thu 2026-02-12: 12 (1), 13 (2), Sat 14 make-up (3), 15–23 rest, Tue 24 (4), Wed 25 (5).
    n = notice.period(D("2026-02-12"))
    assert n.days == ["2026-02-12", "2026-02-13", "2026-02-14", "2026-02-24", "2026-02-25"]
    assert n.make_up == ["2026-02-14"]
    assert dict(n.skipped)["2026-02-17"] == "春节"


def test_a_start_on_a_rest_day_counts_from_the_next_working_day():
    # Sat 2025-10-04 is inside the National Day holiday: the first working day is Thu 9 October; then
    # Fri 10, Sat 11 (make-up working day, 国办发明电〔2024〕12号), Mon 13, Tue 14.
    n = notice.period(D("2025-10-04"))
    assert n.days == ["2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13", "2025-10-14"]
    assert n.start == "2025-10-04"


def test_past_the_calendars_last_year_it_names_the_year_instead_of_guessing():
    first, last = notice.calendar_years()
    assert last == 2026  # chinesecalendar 1.11 knows up to 2026; a newer package moves this on
    # Mon 2026-12-28 … Thu 31 are four working days; the fifth would be in 2027, which the package does not know.
    with pytest.raises(NoticeError) as caught:
        notice.period(D("2026-12-28"))
    assert "2027" in str(caught.value) and str(last) in str(caught.value)
    hand = notice.period(D("2026-12-28"), end=D("2027-01-05"))
    assert hand.set_by_hand and hand.end == "2027-01-05" and hand.days == []


def test_an_end_before_the_start_is_refused():
    with pytest.raises(NoticeError):
        notice.period(D("2025-09-26"), end=D("2025-09-20"))


def test_rest_days_are_named_in_the_windows_language():
    """The notice keeps (and prints) 国庆节 / 周六; an English window or command line says National Day / Saturday,
    for every holiday the calendar package knows."""
    import chinese_calendar

    from app.i18n import tr

    n = notice.period(dt.date(2025, 9, 26))
    assert ("2025-10-01", "国庆节") in n.skipped and ("2025-09-27", "周六") in n.skipped
    shown = {why: tr(notice.rest_day_source(why), lang="en") for _, why in n.skipped}
    assert shown["国庆节"] == "National Day" and shown["周六"] == "Saturday"
    assert {tr(notice.rest_day_source(why), lang="zh_CN") for why in shown} == set(shown)
    for holiday in chinese_calendar.Holiday:
        cn = notice._HOLIDAY_WORDS.get(holiday.value)
        assert cn, f"{holiday.value} has no Chinese name"
        english = tr(notice.rest_day_source(cn), lang="en")
        assert english == holiday.value and tr(english, lang="zh_CN") == cn
