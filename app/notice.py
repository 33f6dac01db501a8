"""The public notice (公示) of the candidate list: its period of 5 working days, and what was on it.

    〔000〕五（四）“候选名单向社会公示5个工作日，公示无异议或者异议不成立的，我局将候选名单书面报市人力资源保障局。”
    〔001〕“区人力资源部门将候选名单向社会公示5个工作日，公示无异议或者异议不成立的，……”
    〔002〕“省人社厅将评审结果在省人社厅网站向社会公示 5 个工作日。”
    〔003〕“……进行不少于5个工作日的公示。对公示无异议的，发文组织实施。”

Working days follow China's public holidays and make-up working days (调休上班) as the State Council
announces them each year, from the `chinese_calendar` package (offline). Its data stops at a year; a
period that runs past it is refused naming that year, never guessed: the secretary then gives the last
day by hand (`end=`), and the notice says the date was set by the secretary. The first day is the day
the secretary says the notice goes up, counted when it is a working day (the documents do not say
whether the day of publication counts; the notice prints its first and last day, so nothing is hidden).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from app import journal
from app.errors import NoticeError
from app.i18n import Sentence
from app.resultfile import Records
from app.vocabulary import N_

DAYS = 5  # 〔000〕〔001〕〔002〕: 5个工作日; 〔003〕: 不少于5个工作日
KEY = "notice"


def calendar_years() -> tuple[int, int]:
    """The first and last year whose public holidays the calendar package knows."""
    from chinese_calendar import constants

    return min(constants.holidays).year, max(constants.holidays).year


def is_working_day(day: dt.date) -> bool:
    """True on a working day in China (weekday not a public holiday, or a make-up working day)."""
    import chinese_calendar

    first, last = calendar_years()
    if not first <= day.year <= last:
        raise NoticeError("the holiday calendar knows China's public holidays only from {first} to {last}; "
                          "{day} is in {year}: give the notice's last day by hand", first=first, last=last,
                          day=day.isoformat(), year=day.year)
    return chinese_calendar.is_workday(day)


def holiday_name(day: dt.date) -> str | None:
    """The holiday or make-up working day `day` belongs to, in Chinese ("国庆节"), or None for an ordinary day."""
    import chinese_calendar

    try:
        _rest, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    if name is None:
        return None
    name = str(getattr(name, "value", name))
    return _HOLIDAY_WORDS.get(name, name)


_HOLIDAY_WORDS = {"New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
                  "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
                  "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"}


WEEKEND = {5: "周六", 6: "周日"}
REST_DAY = "休息日"  # a day off the calendar gives no name for
# what a rest day is called on a window or a command line in English (the notice itself is in Chinese)
_REST_DAY_SOURCES = {**{cn: N_(en) for en, cn in _HOLIDAY_WORDS.items()}, "周六": N_("Saturday"),
                     "周日": N_("Sunday"), REST_DAY: N_("Rest day")}


def rest_day_source(why: str) -> str:
    """The English source of a rest day's name as the notice keeps it ("国庆节" → "National Day"), for tr() to
    show in the window's language; a name we do not know stays as it is."""
    return _REST_DAY_SOURCES.get(why, why)


def working_days(start: dt.date, count: int = DAYS) -> list[dt.date]:
    """The first `count` working days from `start` on (`start` itself when it is one)."""
    if count < 1:
        raise NoticeError("a public notice lasts at least one working day, not {count}", count=count)
    out: list[dt.date] = []
    day = start
    while len(out) < count:
        if is_working_day(day):
            out.append(day)
        day += dt.timedelta(days=1)
    return out


@dataclass
class Notice:
    """The public notice as recorded: its period, and the lists it published."""

    start: str  # YYYY-MM-DD
    end: str
    days: list[str]  # the working days counted
    skipped: list[tuple[str, str]]  # (date, why): the rest days inside the period (holidays, weekends)
    make_up: list[str]  # make-up working days inside the period (调休上班, counted)
    set_by_hand: bool  # the last day was given by the secretary (the calendar did not know the year)
    published: dict[str, list[str]] = field(default_factory=dict)  # quota label → candidate ids, then "备选:" ones
    recorded: str = ""

    def over(self, today: dt.date) -> bool:
        """True once the period has ended (the day after its last day)."""
        return today > dt.date.fromisoformat(self.end)


def period(start: dt.date, *, end: dt.date | None = None, count: int = DAYS) -> Notice:
    """The notice's period from `start`: `count` working days, or up to `end` when the secretary gives it."""
    if end is not None:
        if end < start:
            raise NoticeError("the notice cannot end ({end}) before it starts ({start})", end=end.isoformat(),
                              start=start.isoformat())
        return Notice(start.isoformat(), end.isoformat(), [], [], [], True)
    counted = working_days(start, count)
    every = [start + dt.timedelta(days=k) for k in range((counted[-1] - start).days + 1)]
    skipped = [(d.isoformat(), holiday_name(d) or WEEKEND.get(d.weekday(), REST_DAY))
               for d in every if d not in counted]
    make_up = [d.isoformat() for d in counted if d.weekday() >= 5]
    return Notice(start.isoformat(), counted[-1].isoformat(), [d.isoformat() for d in counted], skipped, make_up,
                  False)


def published_lists(result) -> dict[str, list[str]]:
    """What goes on the notice: each quota's candidates, and its reserve list, by applicant id."""
    out: dict[str, list[str]] = {}
    for c in result.categories:
        out[c.label] = list(c.candidates)
        if c.reserve:
            out[f"{c.label}·备选"] = list(c.reserves)
    return out


def record(path: Path | str, result, notice: Notice, *, at: str | None = None) -> Notice:
    """Keep `notice` (with the lists it publishes, from `result`) in the result file and log it."""
    notice.published = published_lists(result)
    notice.recorded = at or journal.now()
    Records(path).write("panel_record", {"key": KEY, "value": json.dumps(_as_json(notice), ensure_ascii=False)},
                        session_id=result.session_id, replace=True)
    journal.log(path, result.session_id, journal.NOTICE,
                Sentence(N_("public notice from {start} to {end}"), start=notice.start, end=notice.end),
                inputs=journal.score_inputs(result), at=notice.recorded)
    return notice


def recorded(path: Path | str) -> Notice | None:
    """The notice recorded in the result file at `path`, or None."""
    for r in Records(path).rows("panel_record"):
        if r["key"] == KEY:
            d = json.loads(r["value"])
            return Notice(d["start"], d["end"], d["days"], [tuple(x) for x in d["skipped"]], d["make_up"],
                          d["set_by_hand"], d.get("published", {}), d.get("recorded", ""))
    return None


def _as_json(n: Notice) -> dict:
    return {"start": n.start, "end": n.end, "days": n.days, "skipped": [list(x) for x in n.skipped],
            "make_up": n.make_up, "set_by_hand": n.set_by_hand, "published": n.published, "recorded": n.recorded}
