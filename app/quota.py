"""Quotas as the calls write them: a limit over one or more categories, in a tier, with a reserve list.

    000 四:  "高技能人才培训基地不超过5家，技能大师工作室不超过2家"     → 高技能人才培训基地=5, 技能大师工作室=2
    003 二（一）: "分为A、B、C、D四个档次…其中A或B共2个、C或D共1个"      → A+B=2, C+D=1
    003 二（二）: "资金补助类。新建8个…其中国际合作类2个、数字技能类3个及其他类3个"
                                                            → 资金补助类:国际合作类=2, 资金补助类:数字技能类=3, …
    003 五（二）: "拟入选和备选单位名单"                            → 资金补助类:国际合作类=2/1 (1 on the reserve list)

The written form, `[TIER:]CATEGORY[+CATEGORY…]=LIMIT[/RESERVE]`, is what the
command line takes and what the manifest keeps; `parse` names the fault of a bad one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.errors import SessionError

_FORM = re.compile(r"^\s*(?:(?P<tier>[^:：=]+?)\s*[:：]\s*)?(?P<cats>[^=]+?)\s*=\s*(?P<limit>[^/]*?)\s*"
                   r"(?:/\s*(?P<reserve>.*?)\s*)?$")


@dataclass(frozen=True)
class Quota:
    """At most `limit` candidates (拟入选) from `categories` taken together, then `reserve` on the reserve list (备选)."""

    categories: tuple[str, ...]
    limit: int
    tier: str = ""
    reserve: int = 0

    @property
    def name(self) -> str:
        """The categories as the documents write them together: "A或B"."""
        return "或".join(self.categories)

    @property
    def label(self) -> str:
        return f"{self.tier}·{self.name}" if self.tier else self.name

    def text(self) -> str:
        """The written form (parse(q.text()) == q)."""
        tier = f"{self.tier}:" if self.tier else ""
        reserve = f"/{self.reserve}" if self.reserve else ""
        return f"{tier}{'+'.join(self.categories)}={self.limit}{reserve}"


def _count(value: str | None, error: SessionError) -> int:
    try:
        n = int((value or "").strip())
    except ValueError:
        n = -1
    if n < 0:
        raise error
    return n


def parse(text: str) -> Quota:
    """A quota from its written form; SessionError naming what is wrong with it."""
    m = _FORM.match(text or "")
    if not m:
        raise SessionError("quota {text!r} must be written CATEGORY=N, A+B=N, TIER:CATEGORY=N or …=N/RESERVE",
                           text=text)
    cats = tuple(c.strip() for c in re.split(r"[+＋]", m.group("cats")))
    if any(not c for c in cats) or len(set(cats)) != len(cats):
        raise SessionError("quota {text!r}: every category must be named once", text=text)
    limit = _count(m.group("limit"), SessionError("quota {text!r}: the limit must be a whole number, 0 or more",
                                                  text=text))
    reserve = 0 if m.group("reserve") is None else _count(m.group("reserve"), SessionError(
        "quota {text!r}: the reserve must be a whole number, 0 or more", text=text))
    return Quota(cats, limit, (m.group("tier") or "").strip(), reserve)


def check(quotas: list[Quota], known: set[str]) -> list[Quota]:
    """`quotas` if every category is known and none is counted twice in one tier; else SessionError."""
    seen: dict[tuple[str, str], Quota] = {}
    for q in quotas:
        for c in q.categories:
            if c not in known:
                raise SessionError("quota for unknown category {category!r} (categories: {known})", category=c,
                                   known=", ".join(sorted(known)))
            other = seen.get((q.tier, c))
            if other is not None:
                raise SessionError("category {category} is in two quotas of the same tier: {one} and {other}",
                                   category=c, one=other.text(), other=q.text())
            seen[(q.tier, c)] = q
    return quotas
