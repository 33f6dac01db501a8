"""Rubrics (评审细则) as data: load a YAML file, validate it, apply a profile.

A `Rubric` is the whole file; `Rubric.apply(profile)` gives the `Applied`
rubric an expert scores for one applicant: only the sections, criteria,
levels, items, conditions and materials whose `when:` matches the
applicant's profile. `Applied.items()` lists everything an expert answers.
The file format is described in docs/rubrics.md.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterator

import yaml

from app import paths
from app.errors import PanelReviewError, ProfileError, RubricError

FORMAT = 1
CARRIER_TYPES = ("training_base", "master_studio", "rural_workstation")
RULES = ("levels", "checklist", "range", "gate")
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
FILE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9\-]*$")
# "记12-14分", "记 15 分", "记2分" — the points a level's own words promise.
POINTS_IN_TEXT = re.compile(r"记\s*(\d+(?:\.\d+)?)\s*(?:[-－—–~～至]\s*(\d+(?:\.\d+)?))?\s*分")


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class When:
    """A condition on the applicant profile: every named attribute must hold one of its values."""

    terms: tuple[tuple[str, frozenset[str]], ...] = ()

    def matches(self, profile: dict[str, str]) -> bool:
        return all(profile.get(attr) in values for attr, values in self.terms)

    def attributes(self) -> set[str]:
        return {attr for attr, _ in self.terms}

    def __bool__(self) -> bool:
        return bool(self.terms)

    def as_dict(self) -> dict[str, list[str]]:
        return {attr: sorted(values) for attr, values in self.terms}

    def describe(self) -> str:
        return "; ".join(f"{attr}={'/'.join(sorted(v))}" for attr, v in self.terms)


ALWAYS = When()


@dataclass(frozen=True)
class Band:
    """Points from `low` to `high` inclusive (equal for a fixed score)."""

    low: Decimal
    high: Decimal

    def __contains__(self, points: Decimal) -> bool:
        return self.low <= points <= self.high

    def __str__(self) -> str:
        return fmt(self.low) if self.low == self.high else f"{fmt(self.low)}-{fmt(self.high)}"

    def overlaps(self, other: "Band") -> bool:
        return self.low <= other.high and other.low <= self.high


@dataclass(frozen=True)
class Level:
    text: str
    band: Band
    when: When = ALWAYS
    heading: str | None = None
    path: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class Item:
    """A checklist item: fixed points or a band (`band`), or a choice of `levels`."""

    id: str
    text: str
    band: Band | None = None
    levels: tuple[Level, ...] = ()
    heading: str | None = None
    when: When = ALWAYS

    @property
    def max(self) -> Decimal:
        if self.band is not None:
            return self.band.high
        return max((lv.band.high for lv in self.levels), default=Decimal(0))


@dataclass(frozen=True)
class Note:
    text: str
    when: When = ALWAYS


@dataclass(frozen=True)
class Criterion:
    id: str
    text: str
    max: Decimal
    rule: str
    section: str
    levels: tuple[Level, ...] = ()
    items: tuple[Item, ...] = ()
    allow_zero: bool = True
    step: Decimal = Decimal(1)
    evidence: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    when: When = ALWAYS
    stops: str | tuple[str, ...] | None = None  # gates only: "all", "following" or ids

    @property
    def is_gate(self) -> bool:
        return self.rule == "gate"


@dataclass(frozen=True)
class Section:
    id: str
    no: str
    title: str
    max: Decimal
    standard: str
    criteria: tuple[Criterion, ...]
    evidence: tuple[str, ...] = ()
    variant: str | None = None
    notes: tuple[Note, ...] = ()
    when: When = ALWAYS


@dataclass(frozen=True)
class Condition:
    id: str
    text: str
    evidence: tuple[str, ...] = ()
    when: When = ALWAYS


@dataclass(frozen=True)
class Gate:
    """A rubric-level yes/no question whose "no" stops scoring."""

    id: str
    text: str
    stops: str | tuple[str, ...]
    evidence: tuple[str, ...] = ()
    when: When = ALWAYS


@dataclass(frozen=True)
class Material:
    name: str
    detail: str = ""
    max_pages: int | None = None
    when: When = ALWAYS


@dataclass(frozen=True)
class Attribute:
    id: str
    label: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    file: str
    document: str = ""
    annex: str = ""
    part: str = ""


@dataclass(frozen=True)
class Recommendation:
    positive: str
    negative: str


@dataclass(frozen=True)
class Allowed:
    """The values a points item accepts: a union of bands on a step grid."""

    bands: tuple[Band, ...]
    step: Decimal = Decimal(1)

    def __contains__(self, points: Decimal) -> bool:
        if not any(points in b for b in self.bands):
            return False
        return (points / self.step) == (points / self.step).to_integral_value()

    def __str__(self) -> str:
        text = ",".join(str(b) for b in sorted(set(self.bands), key=lambda b: (b.low, b.high)))
        return text if self.step == 1 else f"{text}/{fmt(self.step)}"

    @property
    def max(self) -> Decimal:
        return max(b.high for b in self.bands)


NONE_LEVEL = -1  # the level index recorded for "meets none of the levels"


@dataclass(frozen=True)
class ScoreItem:
    """One thing an expert answers for an applicant.

    kind: "condition" (basic condition), "priority" (priority condition),
    "gate", "criterion" (levels or range) or "check" (one checklist item).
    Conditions, priority conditions and gates take yes/no; the others points.
    """

    id: str
    kind: str
    text: str
    section: str | None = None
    criterion: str | None = None
    max: Decimal | None = None
    allowed: Allowed | None = None
    levels: tuple[Level, ...] = ()
    evidence: tuple[str, ...] = ()
    # a levels criterion whose bands do not hold 0: "meets none of the levels" (无符合档次) is an answer of its
    # own, worth 0 and recorded with level NONE_LEVEL, never a 0 typed into a band (where the session allows it)
    none_allowed: bool = False

    @property
    def takes_points(self) -> bool:
        return self.kind in ("criterion", "check")

    def level_for(self, points: Decimal) -> Level | None:
        """The level whose band holds `points` (None: none holds it)."""
        for lv in self.levels:
            if points in lv.band:
                return lv
        return None


@dataclass(frozen=True)
class Rubric:
    id: str
    title: str
    version: str
    carrier_type: str
    carrier_type_name: str
    jurisdiction: str
    sources: tuple[Source, ...]
    total: Decimal | None
    profile: tuple[Attribute, ...]
    materials: tuple[Material, ...]
    conditions: tuple[Condition, ...]
    gates: tuple[Gate, ...]
    sections: tuple[Section, ...]
    priority_conditions: tuple[Condition, ...]
    tie_break: tuple[str, ...]
    categories: tuple[str, ...]
    recommendation: Recommendation
    remarks: tuple[Note, ...]
    data: dict = field(repr=False, compare=False, default_factory=dict)
    origin: str = ""

    # -- profile ---------------------------------------------------------

    def attribute(self, attr_id: str) -> Attribute | None:
        return next((a for a in self.profile if a.id == attr_id or a.label == attr_id), None)

    def profiles(self) -> Iterator[dict[str, str]]:
        """Every combination of profile values (one empty profile when there are none)."""
        names = [a.id for a in self.profile]
        for combo in itertools.product(*(a.values for a in self.profile)):
            yield dict(zip(names, combo))

    def check_profile(self, profile: dict[str, str]) -> dict[str, str]:
        """The profile keyed by attribute id, or ProfileError naming the bad attribute or value."""
        out: dict[str, str] = {}
        for key, value in profile.items():
            attr = self.attribute(key)
            if attr is None:
                raise ProfileError("rubric {rubric} has no profile attribute {attr}", rubric=self.id, attr=key)
            value = str(value).strip()
            if value not in attr.values:
                raise ProfileError(
                    "{attr} must be one of {values}, not {value!r}",
                    attr=attr.id, values=", ".join(attr.values), value=value,
                )
            out[attr.id] = value
        missing = [a.id for a in self.profile if a.id not in out]
        if missing:
            raise ProfileError("profile lacks {attrs} (rubric {rubric})", attrs=", ".join(missing), rubric=self.id)
        return out

    # -- applying --------------------------------------------------------

    @property
    def has_points(self) -> bool:
        return self.total is not None

    def apply(self, profile: dict[str, str]) -> "Applied":
        """The rubric as it applies to an applicant with `profile` (checked first)."""
        return self._apply(self.check_profile(profile))

    def _apply(self, profile: dict[str, str]) -> "Applied":
        def keep(things):
            return tuple(t for t in things if t.when.matches(profile))

        sections = []
        for sec in keep(self.sections):
            crits = []
            for c in keep(sec.criteria):
                crits.append(replace(
                    c,
                    levels=keep(c.levels),
                    items=tuple(replace(i, levels=keep(i.levels)) for i in keep(c.items)),
                    notes=keep(c.notes),
                ))
            sections.append(replace(sec, criteria=tuple(crits), notes=keep(sec.notes)))
        return Applied(
            rubric=self,
            profile=dict(profile),
            materials=keep(self.materials),
            conditions=keep(self.conditions),
            gates=keep(self.gates),
            sections=tuple(sections),
            priority_conditions=keep(self.priority_conditions),
        )

    def everything(self) -> "Applied":
        """Every part of the rubric whatever the profile (for listing variants)."""
        return Applied(self, {}, self.materials, self.conditions, self.gates, self.sections,
                       self.priority_conditions)

    # -- output ----------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "carrier_type": self.carrier_type,
            "total": num(self.total),
        }

    def snapshot(self) -> str:
        """The rubric's source data as canonical JSON, for a session's manifest."""
        return json.dumps(self.data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def variants(self) -> list[dict[str, Any]]:
        """For each profile attribute value, what it switches on (for `rubric show`)."""
        out = []
        for attr in self.profile:
            for value in attr.values:
                on = []
                for thing, path in self.walk():
                    when = getattr(thing, "when", ALWAYS)
                    for a, values in when.terms:
                        if a == attr.id and value in values:
                            on.append(path)
                out.append({"attribute": attr.id, "value": value, "applies": on})
        return out

    def walk(self) -> Iterator[tuple[Any, str]]:
        """Every element of the rubric with a readable path to it."""
        for m in self.materials:
            yield m, f"materials[{m.name}]"
        for c in self.conditions:
            yield c, f"conditions[{c.id}]"
        for g in self.gates:
            yield g, f"gates[{g.id}]"
        for p in self.priority_conditions:
            yield p, f"priority_conditions[{p.id}]"
        for s in self.sections:
            sp = f"sections[{s.id}]"
            yield s, sp
            for k, n in enumerate(s.notes):
                yield n, f"{sp}.notes[{k}]"
            for c in s.criteria:
                cp = f"{sp}.criteria[{c.id}]"
                yield c, cp
                for k, n in enumerate(c.notes):
                    yield n, f"{cp}.notes[{k}]"
                for k, lv in enumerate(c.levels):
                    yield lv, f"{cp}.levels[{k}]"
                for it in c.items:
                    ip = f"{cp}.items[{it.id}]"
                    yield it, ip
                    for k, lv in enumerate(it.levels):
                        yield lv, f"{ip}.levels[{k}]"
        for k, n in enumerate(self.remarks):
            yield n, f"remarks[{k}]"

    def texts(self) -> Iterator[tuple[str, str]]:
        """(path, text) for every text taken from the source documents."""
        yield "title", self.title
        for thing, path in self.walk():
            for attr in ("text", "standard", "detail", "heading", "variant"):
                value = getattr(thing, attr, None)
                if isinstance(value, str) and value.strip():
                    yield f"{path}.{attr}", value
            if isinstance(thing, Section):
                yield f"{path}.title", thing.title
            if isinstance(thing, Material):
                yield f"{path}.name", thing.name


@dataclass(frozen=True)
class Applied:
    """A rubric filtered to one applicant profile."""

    rubric: Rubric
    profile: dict[str, str]
    materials: tuple[Material, ...]
    conditions: tuple[Condition, ...]
    gates: tuple[Gate, ...]
    sections: tuple[Section, ...]
    priority_conditions: tuple[Condition, ...]

    @property
    def total(self) -> Decimal | None:
        return self.rubric.total

    def criteria(self) -> Iterator[Criterion]:
        for s in self.sections:
            yield from s.criteria

    def criterion(self, cid: str) -> Criterion | None:
        return next((c for c in self.criteria() if c.id == cid), None)

    def section(self, sid: str) -> Section | None:
        return next((s for s in self.sections if s.id == sid), None)

    def variant_label(self) -> str:
        """The profile in words, e.g. "线下 / 普通基地 / 企业"."""
        return " / ".join(self.profile[a.id] for a in self.rubric.profile if a.id in self.profile)

    def items(self) -> list[ScoreItem]:
        """Everything an expert answers for this applicant, in document order."""
        out: list[ScoreItem] = []
        for c in self.conditions:
            out.append(ScoreItem(c.id, "condition", c.text, evidence=c.evidence))
        for g in self.gates:
            out.append(ScoreItem(g.id, "gate", g.text, evidence=g.evidence))
        for s in self.sections:
            for c in s.criteria:
                ev = c.evidence or s.evidence
                if c.rule == "gate":
                    out.append(ScoreItem(c.id, "gate", c.text, section=s.id, criterion=c.id, evidence=ev))
                elif c.rule == "checklist":
                    for it in c.items:
                        out.append(ScoreItem(
                            it.id, "check", it.text if it.band is not None else (it.heading or it.text),
                            section=s.id, criterion=c.id, max=it.max,
                            allowed=item_allowed(it, c.step), levels=it.levels, evidence=ev,
                        ))
                else:
                    out.append(ScoreItem(
                        c.id, "criterion", c.text, section=s.id, criterion=c.id, max=c.max,
                        allowed=criterion_allowed(c), levels=c.levels, evidence=ev,
                        none_allowed=c.rule == "levels" and c.allow_zero
                        and not any(lv.band.low == 0 for lv in c.levels),
                    ))
        for p in self.priority_conditions:
            out.append(ScoreItem(p.id, "priority", p.text, evidence=p.evidence))
        return out

    def stopped_by(self, gate_id: str) -> set[str]:
        """Ids of the items a "no" to `gate_id` stops (empty for an unknown gate)."""
        items = self.items()
        ids = [i.id for i in items]
        gate = next((g for g in self.gates if g.id == gate_id), None)
        stops: str | tuple[str, ...] | None
        if gate is not None:
            stops = gate.stops
        else:
            crit = self.criterion(gate_id)
            if crit is None or not crit.is_gate:
                return set()
            stops = crit.stops
        if stops == "all":
            return set(ids) - {gate_id}
        if stops == "following":
            if gate_id not in ids:
                return set()
            after = items[ids.index(gate_id) + 1:]
            return {i.id for i in after if i.kind in ("criterion", "check", "gate")}
        targets = set(stops or ())
        return {
            i.id for i in items
            if i.id != gate_id and (i.id in targets or i.section in targets or i.criterion in targets)
        }


def criterion_allowed(c: Criterion) -> Allowed:
    """The points that can be given in a criterion's own bands (0 only where a band holds it: 004 writes
    "记0分" where it means 0; "none of the levels" is a separate answer, see ScoreItem.none_allowed)."""
    if c.rule == "range":
        return Allowed((Band(Decimal(0), c.max),), c.step)
    return Allowed(tuple(lv.band for lv in c.levels), c.step)


def item_allowed(it: Item, step: Decimal) -> Allowed:
    bands = [it.band] if it.band is not None else [lv.band for lv in it.levels]
    return Allowed((Band(Decimal(0), Decimal(0)), *bands), step)


# --------------------------------------------------------------------------- helpers


def fmt(value: Decimal | int | None) -> str:
    """A number as a person writes it: 15, 12.5 (never 15.00 or 1E+1)."""
    if value is None:
        return ""
    d = Decimal(value)
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return format(d.normalize(), "f")


def num(value: Decimal | None) -> int | float | None:
    """A Decimal for JSON: an int when whole."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def parse_band(value: Any) -> Band:
    """`15` or `"12-14"` → Band; ValueError with the reason otherwise."""
    if isinstance(value, bool):
        raise ValueError("points must be a number or a band such as 12-14")
    if isinstance(value, (int, float)):
        d = Decimal(str(value))
        return Band(d, d)
    if isinstance(value, str):
        parts = re.split(r"\s*[-－—–~～]\s*", value.strip())
        try:
            nums = [Decimal(p) for p in parts]
        except InvalidOperation:
            raise ValueError("points must be a number or a band such as 12-14") from None
        if len(nums) == 1:
            return Band(nums[0], nums[0])
        if len(nums) == 2:
            return Band(nums[0], nums[1])
    raise ValueError("points must be a number or a band such as 12-14")


# --------------------------------------------------------------------------- loading


class Problem(PanelReviewError):
    """One finding in a rubric file, shown as `FILE: path.to.item: what is wrong`."""

    def message(self, lang: str | None = None) -> str:
        what = super().message(lang)
        return f"{self.fields.get('file')}: {self.fields.get('path')}: {what}"


class _Loader:
    """Builds a Rubric from parsed YAML, collecting every problem instead of stopping."""

    def __init__(self, data: Any, file: str) -> None:
        self.data = data
        self.file = file
        self.problems: list[PanelReviewError] = []
        self.ids: dict[str, str] = {}
        self.attrs: dict[str, tuple[str, ...]] = {}
        self.materials: set[str] = set()

    def problem(self, path: str, message: str, **fields: Any) -> None:
        self.problems.append(Problem(message, file=self.file, path=path, **fields))

    # typed getters ---------------------------------------------------------

    def get(self, d: dict, key: str, path: str, kind: type | tuple, *, required: bool = True, default=None):
        if key not in d or d[key] is None:
            if required:
                self.problem(f"{path}.{key}" if path else key, "is missing")
            return default
        value = d[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            ok = False
        else:
            ok = isinstance(value, kinds)
        if not ok:
            names = " or ".join(_type_name(k) for k in kinds)
            self.problem(f"{path}.{key}" if path else key, "must be {kind}, not {value!r}", kind=names, value=value)
            return default
        return value

    def text(self, d: dict, key: str, path: str, *, required: bool = True) -> str:
        value = self.get(d, key, path, str, required=required, default="")
        return value.strip()

    def number(self, d: dict, key: str, path: str, *, required: bool = True, default=None) -> Decimal | None:
        value = self.get(d, key, path, (int, float), required=required, default=None)
        if value is None:
            return default
        d_ = Decimal(str(value))
        if d_ < 0:
            self.problem(f"{path}.{key}", "must not be negative")
        return d_

    def mapping_list(self, d: dict, key: str, path: str, *, required: bool = False) -> list[tuple[dict, str]]:
        value = self.get(d, key, path, list, required=required, default=[])
        out = []
        for k, entry in enumerate(value or []):
            tag = entry.get("id") if isinstance(entry, dict) else None
            tag = tag.strip() if isinstance(tag, str) and tag.strip() else k
            p = f"{path}.{key}[{tag}]" if path else f"{key}[{tag}]"
            if not isinstance(entry, dict):
                self.problem(p, "must be a mapping of fields")
                continue
            out.append((entry, p))
        return out

    def ident(self, d: dict, path: str) -> str:
        value = d.get("id")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.problem(f"{path}.id", "is missing")
            return f"?{path}"
        value = value.strip()
        if not ID_RE.match(value):
            self.problem(f"{path}.id", "{id!r} may hold only letters, digits, '.', '_' and '-'", id=value)
        if value in self.ids:
            self.problem(f"{path}.id", "duplicate id {id} (also at {other})", id=value, other=self.ids[value])
        else:
            self.ids[value] = path
        return value

    def when(self, d: dict, path: str) -> When:
        raw = d.get("when")
        if raw is None:
            return ALWAYS
        if not isinstance(raw, dict) or not raw:
            self.problem(f"{path}.when", "must map profile attributes to values")
            return ALWAYS
        terms = []
        for attr, values in raw.items():
            attr = str(attr)
            vals = values if isinstance(values, list) else [values]
            vals = [str(v).strip() for v in vals]
            if attr not in self.attrs:
                self.problem(f"{path}.when.{attr}", "unknown profile attribute {attr}", attr=attr)
                continue
            for v in vals:
                if v not in self.attrs[attr]:
                    self.problem(
                        f"{path}.when.{attr}", "unknown value {value!r} (allowed: {allowed})",
                        value=v, allowed=", ".join(self.attrs[attr]),
                    )
            terms.append((attr, frozenset(vals)))
        return When(tuple(sorted(terms, key=lambda t: t[0])))

    def evidence(self, d: dict, path: str) -> tuple[str, ...]:
        raw = d.get("evidence")
        if raw is None:
            return ()
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            self.problem(f"{path}.evidence", "must be a list of material names")
            return ()
        out = []
        for name in raw:
            name = str(name).strip()
            if name not in self.materials:
                self.problem(f"{path}.evidence", "names material {name!r}, which is not in materials", name=name)
            out.append(name)
        return tuple(out)

    def notes(self, d: dict, key: str, path: str) -> tuple[Note, ...]:
        out = []
        for entry, p in self.mapping_list(d, key, path):
            out.append(Note(self.text(entry, "text", p), self.when(entry, p)))
        return tuple(out)

    def band(self, d: dict, path: str) -> Band | None:
        if "points" not in d:
            self.problem(f"{path}.points", "is missing")
            return None
        try:
            return parse_band(d["points"])
        except ValueError as exc:
            self.problem(f"{path}.points", str(exc))
            return None

    def stops(self, d: dict, path: str) -> str | tuple[str, ...]:
        raw = d.get("stops")
        if raw in ("all", "following"):
            return raw
        if isinstance(raw, list) and raw and all(isinstance(x, str) for x in raw):
            return tuple(raw)
        self.problem(f"{path}.stops", "must be all, following or a list of section and criterion ids")
        return ()

    # the tree -----------------------------------------------------------------

    def levels(self, d: dict, path: str, *, heading: str | None = None, outer: When = ALWAYS) -> list[Level]:
        out: list[Level] = []
        for entry, p in self.mapping_list(d, "levels", path, required=True):
            when = self.when(entry, p)
            merged = When(outer.terms + when.terms) if (outer or when) else ALWAYS
            if "levels" in entry:
                sub_heading = self.text(entry, "heading", p)
                out.extend(self.levels(entry, p, heading=sub_heading, outer=merged))
                continue
            text = self.text(entry, "text", p)
            band = self.band(entry, p)
            if band is None:
                continue
            self.check_text_points(text, band, p)
            out.append(Level(text, band, merged, heading, p))
        return out

    def check_text_points(self, text: str, band: Band, path: str) -> None:
        found = POINTS_IN_TEXT.findall(text)
        if not found:
            return
        low, high = found[-1]
        said = Band(Decimal(low), Decimal(high or low))
        if said != band:
            self.problem(f"{path}.points", "is {band} but the text says {said}", band=str(band), said=str(said))

    def criterion(self, d: dict, path: str, section: str, section_evidence: tuple[str, ...]) -> Criterion:
        cid = self.ident(d, path)
        rule = self.get(d, "rule", path, str, default="levels")
        if rule not in RULES:
            self.problem(f"{path}.rule", "unknown rule {rule!r} (use {rules})", rule=rule, rules=", ".join(RULES))
            rule = "range"
        text = self.text(d, "text", path)
        when = self.when(d, path)
        evidence = self.evidence(d, path) or section_evidence
        notes = self.notes(d, "notes", path)
        if rule == "gate":
            if "max" in d and d["max"] not in (0, None):
                self.problem(f"{path}.max", "a gate carries no points")
            return Criterion(cid, text, Decimal(0), rule, section, evidence=evidence, notes=notes,
                             when=when, stops=self.stops(d, path))
        cmax = self.number(d, "max", path, default=Decimal(0))
        step = self.number(d, "step", path, required=False, default=Decimal(1))
        if step is not None and step <= 0:
            self.problem(f"{path}.step", "must be above 0")
            step = Decimal(1)
        allow_zero = self.get(d, "allow_zero", path, bool, required=False, default=True)
        levels: list[Level] = []
        items: list[Item] = []
        if rule == "levels":
            levels = self.levels(d, path)
            if not levels:
                self.problem(f"{path}.levels", "a levels criterion needs at least one level")
        elif rule == "checklist":
            for entry, p in self.mapping_list(d, "items", path, required=True):
                iid = self.ident(entry, p)
                iwhen = self.when(entry, p)
                if "levels" in entry:
                    heading = self.text(entry, "heading", p)
                    items.append(Item(iid, self.text(entry, "text", p, required=False) or heading,
                                      levels=tuple(self.levels(entry, p)), heading=heading, when=iwhen))
                else:
                    # item_text, not text: the criterion's own heading must survive its items
                    item_text = self.text(entry, "text", p)
                    band = self.band(entry, p)
                    if band is not None:
                        self.check_text_points(item_text, band, p)
                        items.append(Item(iid, item_text, band=band, when=iwhen))
            if not items:
                self.problem(f"{path}.items", "a checklist needs at least one item")
        crit = Criterion(cid, text, cmax or Decimal(0), rule, section, tuple(levels), tuple(items),
                         allow_zero, step or Decimal(1), evidence, notes, when)
        self.check_bands(crit, path)
        return crit

    def check_bands(self, c: Criterion, path: str) -> None:
        def one(band: Band, p: str, limit: Decimal) -> None:
            if band.low > band.high:
                self.problem(f"{p}.points", "band {band} runs backwards", band=f"{band.low}-{band.high}")
            if band.low < 0 or band.high > limit:
                self.problem(f"{p}.points", "band {band} is outside 0..{max}", band=str(band), max=fmt(limit))
            for end in (band.low, band.high):
                if (end / c.step) != (end / c.step).to_integral_value():
                    self.problem(f"{p}.points", "band {band} cannot be reached in steps of {step}",
                                 band=str(band), step=fmt(c.step))
                    break

        for lv in c.levels:
            one(lv.band, lv.path, c.max)
        for it in c.items:
            if it.band is not None:
                one(it.band, f"{path}.items[{it.id}]", c.max)
            for lv in it.levels:
                one(lv.band, lv.path, c.max)

    def section(self, d: dict, path: str) -> Section:
        sid = self.ident(d, path)
        evidence = self.evidence(d, path)
        crits = tuple(self.criterion(e, p, sid, evidence) for e, p in self.mapping_list(d, "criteria", path, required=True))
        return Section(
            id=sid,
            no=str(d.get("no", "")).strip(),
            title=self.text(d, "title", path),
            max=self.number(d, "max", path, default=Decimal(0)) or Decimal(0),
            standard=self.text(d, "standard", path, required=False),
            criteria=crits,
            evidence=evidence,
            variant=self.text(d, "variant", path, required=False) or None,
            notes=self.notes(d, "notes", path),
            when=self.when(d, path),
        )

    def build(self) -> Rubric | None:
        d = self.data
        if not isinstance(d, dict):
            self.problem("(top)", "a rubric file must be a mapping of fields")
            return None
        fmt_ = d.get("format")
        if fmt_ != FORMAT:
            if isinstance(fmt_, int) and fmt_ > FORMAT:
                self.problem("format", "format {found} is newer than this program reads ({ours}); update PanelReview",
                             found=fmt_, ours=FORMAT)
                return None
            self.problem("format", "must be {ours}", ours=FORMAT)
        rid = self.text(d, "id", "")
        if rid and not FILE_ID_RE.match(rid):
            self.problem("id", "{id!r} may hold only lower-case letters, digits and '-'", id=rid)
        carrier = self.text(d, "carrier_type", "")
        if carrier and carrier not in CARRIER_TYPES:
            self.problem("carrier_type", "unknown carrier type {ct!r} (use {types})", ct=carrier,
                         types=", ".join(CARRIER_TYPES))
        version = d.get("version")
        if isinstance(version, (int, float)) and not isinstance(version, bool):
            version = str(version)
        if not isinstance(version, str) or not version.strip():
            self.problem("version", "is missing")
            version = ""

        profile = []
        for entry, p in self.mapping_list(d, "profile", ""):
            aid = self.text(entry, "id", p)
            values = self.get(entry, "values", p, list, default=[])
            vals = tuple(str(v).strip() for v in values)
            if not vals:
                self.problem(f"{p}.values", "needs at least one value")
            if len(set(vals)) != len(vals):
                self.problem(f"{p}.values", "lists a value twice")
            if aid in self.attrs:
                self.problem(f"{p}.id", "duplicate profile attribute {attr}", attr=aid)
            self.attrs[aid] = vals
            profile.append(Attribute(aid, self.text(entry, "label", p, required=False) or aid, vals))

        materials = []
        for entry, p in self.mapping_list(d, "materials", ""):
            name = self.text(entry, "name", p)
            self.materials.add(name)
            max_pages = self.get(entry, "max_pages", p, int, required=False)
            materials.append(Material(name, self.text(entry, "detail", p, required=False), max_pages,
                                      self.when(entry, p)))

        conditions = tuple(
            Condition(self.ident(e, p), self.text(e, "text", p), self.evidence(e, p), self.when(e, p))
            for e, p in self.mapping_list(d, "conditions", "")
        )
        gates = tuple(
            Gate(self.ident(e, p), self.text(e, "text", p), self.stops(e, p), self.evidence(e, p), self.when(e, p))
            for e, p in self.mapping_list(d, "gates", "")
        )
        sections = tuple(self.section(e, p) for e, p in self.mapping_list(d, "sections", ""))
        priority = tuple(
            Condition(self.ident(e, p), self.text(e, "text", p), self.evidence(e, p), self.when(e, p))
            for e, p in self.mapping_list(d, "priority_conditions", "")
        )
        total = self.number(d, "total", "", required=False)
        if total is None and sections:
            self.problem("total", "is missing although the rubric has sections with points")

        rec = d.get("recommendation")
        if isinstance(rec, dict):
            recommendation = Recommendation(self.text(rec, "positive", "recommendation"),
                                            self.text(rec, "negative", "recommendation"))
        else:
            self.problem("recommendation", "is missing (positive and negative wording)")
            recommendation = Recommendation("", "")

        tie_break = self.get(d, "tie_break", "", list, required=False, default=[]) or []
        section_ids = {s.id for s in sections}
        for k, sid in enumerate(tie_break):
            if sid not in section_ids:
                self.problem(f"tie_break[{k}]", "names {id!r}, which is not a section", id=sid)
        categories = self.get(d, "categories", "", list, required=False, default=[]) or []

        sources = []
        for entry, p in self.mapping_list(d, "sources", "", required=True):
            sources.append(Source(self.text(entry, "file", p), self.text(entry, "document", p, required=False),
                                  str(entry.get("annex", "") or ""), str(entry.get("part", "") or "")))

        rubric = Rubric(
            id=rid, title=self.text(d, "title", ""), version=version.strip(),
            carrier_type=carrier, carrier_type_name=self.text(d, "carrier_type_name", ""),
            jurisdiction=self.text(d, "jurisdiction", "", required=False),
            sources=tuple(sources), total=total, profile=tuple(profile), materials=tuple(materials),
            conditions=conditions, gates=gates, sections=sections, priority_conditions=priority,
            tie_break=tuple(str(t) for t in tie_break), categories=tuple(str(c) for c in categories),
            recommendation=recommendation, remarks=self.notes(d, "remarks", ""),
            data=d, origin=self.file,
        )
        self.check_profiles(rubric)
        return rubric

    def check_profiles(self, r: Rubric) -> None:
        """Sums, reachable maxima, overlapping bands and live gates under every profile."""
        seen: set[tuple[str, str]] = set()

        def once(path: str, message: str, **fields: Any) -> None:
            key = (path, message)
            if key not in seen:
                seen.add(key)
                self.problem(path, message, **fields)

        section_ids = {s.id for s in r.sections}
        crit_ids = {c.id for s in r.sections for c in s.criteria}
        for g in list(r.gates) + [c for s in r.sections for c in s.criteria if c.is_gate]:
            if isinstance(g.stops, tuple):
                for t in g.stops:
                    if t not in section_ids and t not in crit_ids:
                        once(f"gates[{g.id}].stops", "names {id!r}, which is neither a section nor a criterion", id=t)

        for profile in r.profiles():
            applied = r._apply(profile)
            label = ", ".join(f"{k}={v}" for k, v in profile.items()) or "every applicant"
            sum_sections = Decimal(0)
            for s in applied.sections:
                sp = f"sections[{s.id}]"
                sum_sections += s.max
                got = sum((c.max for c in s.criteria), Decimal(0))
                if got != s.max:
                    once(sp, "criteria add up to {got}, not the section's {max}, for {profile}",
                         got=fmt(got), max=fmt(s.max), profile=label)
                for c in s.criteria:
                    cp = f"{sp}.criteria[{c.id}]"
                    if c.rule == "levels":
                        if not c.levels:
                            once(cp, "no level applies for {profile}", profile=label)
                            continue
                        top = max(lv.band.high for lv in c.levels)
                        if top != c.max:
                            once(cp, "no level reaches the maximum {max} for {profile} (highest: {top})",
                                 max=fmt(c.max), top=fmt(top), profile=label)
                        bands = sorted((lv.band for lv in c.levels), key=lambda b: (b.low, b.high))
                        for a, b in zip(bands, bands[1:]):
                            if a.overlaps(b):
                                once(cp, "bands {a} and {b} overlap for {profile}", a=str(a), b=str(b), profile=label)
                    elif c.rule == "checklist":
                        got = sum((it.max for it in c.items), Decimal(0))
                        if got != c.max:
                            once(cp, "items add up to {got}, not the criterion's {max}, for {profile}",
                                 got=fmt(got), max=fmt(c.max), profile=label)
                        for it in c.items:
                            bands = sorted((lv.band for lv in it.levels), key=lambda b: (b.low, b.high))
                            for a, b in zip(bands, bands[1:]):
                                if a.overlaps(b):
                                    once(f"{cp}.items[{it.id}]", "bands {a} and {b} overlap for {profile}",
                                         a=str(a), b=str(b), profile=label)
                    elif c.is_gate and not applied.stopped_by(c.id):
                        once(cp, "this gate stops nothing for {profile}", profile=label)
            names = [m.name for m in applied.materials]
            for name in sorted({n for n in names if names.count(n) > 1}):
                once("materials", "material {name} is listed twice for {profile}", name=name, profile=label)
            for g in applied.gates:
                if not applied.stopped_by(g.id):
                    once(f"gates[{g.id}]", "this gate stops nothing for {profile}", profile=label)
            if r.total is not None and applied.sections and sum_sections != r.total:
                once("total", "sections add up to {got}, not {total}, for {profile}",
                     got=fmt(sum_sections), total=fmt(r.total), profile=label)
            if r.total is not None and not applied.sections:
                once("sections", "no section applies for {profile}", profile=label)


def _type_name(kind: type) -> str:
    return {str: "text", int: "a whole number", float: "a number", list: "a list", dict: "a mapping",
            bool: "true or false"}.get(kind, kind.__name__)


def parse(text: str, *, file: str) -> tuple[Rubric | None, list[PanelReviewError]]:
    """Parse and validate rubric YAML; returns the rubric (None if unusable) and every problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(top)"
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [Problem("not valid YAML: {reason}", file=file, path=where, reason=reason)]
    loader = _Loader(clean_keys(data), file)
    rubric = loader.build()
    return rubric, loader.problems


def clean_keys(data: Any) -> Any:
    """Mapping keys as text: YAML 1.1 reads a bare `no:` key as False, we mean the word."""
    if isinstance(data, dict):
        return {_key(k): clean_keys(v) for k, v in data.items()}
    if isinstance(data, list):
        return [clean_keys(v) for v in data]
    return data


def _key(k: Any) -> str:
    if k is True:
        return "yes"
    if k is False:
        return "no"
    return str(k)


def from_data(data: dict, *, origin: str = "snapshot") -> Rubric:
    """A rubric from already-parsed data (a session's snapshot); RubricError if invalid."""
    loader = _Loader(clean_keys(data), origin)
    rubric = loader.build()
    if rubric is None or loader.problems:
        raise RubricError("{file}: the rubric is not valid ({count} problems)", file=origin,
                          count=len(loader.problems)).having(loader.problems)
    return rubric


def check_file(path: Path) -> list[PanelReviewError]:
    """Every problem in the rubric file at `path` (empty when valid)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [PanelReviewError("{file}: cannot read: {reason}", file=str(path), reason=_reason(exc))]
    _, problems = parse(text, file=str(path))
    return problems


def load(path: Path) -> Rubric:
    """The valid rubric at `path`, or RubricError listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RubricError("{file}: cannot read: {reason}", file=str(path), reason=_reason(exc)) from None
    rubric, problems = parse(text, file=str(path))
    if rubric is None or problems:
        raise RubricError("{file}: {count} problems", file=str(path), count=len(problems)).having(problems)
    return rubric


def _reason(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return getattr(exc, "strerror", None) or str(exc)


def rubric_files(folder: Path | None = None) -> list[Path]:
    folder = folder or paths.rubrics_dir()
    return sorted(Path(folder).glob("*.yaml"))


def load_all(folder: Path | None = None) -> dict[str, Rubric]:
    """Every rubric in `folder` (default: the bundled rubrics/) by id; RubricError on the first bad one."""
    out: dict[str, Rubric] = {}
    for path in rubric_files(folder):
        r = load(path)
        if r.id in out:
            raise RubricError("{file}: id {id} is already used by {other}", file=str(path), id=r.id,
                              other=out[r.id].origin)
        out[r.id] = r
    return out


def find(rubric_id: str, folder: Path | None = None) -> Rubric:
    rubrics = load_all(folder)
    if rubric_id not in rubrics:
        raise RubricError("no rubric with id {id} (known: {known})", id=rubric_id, known=", ".join(sorted(rubrics)))
    return rubrics[rubric_id]


def to_json(applied: Applied | None, rubric: Rubric) -> dict[str, Any]:
    """The rubric (as applied to a profile, when given) as plain JSON data."""
    r = rubric
    view = applied or r.everything()
    def level(lv: Level) -> dict:
        out = {"text": lv.text, "min": num(lv.band.low), "max": num(lv.band.high)}
        if lv.heading:
            out["heading"] = lv.heading
        if lv.when:
            out["when"] = lv.when.as_dict()
        return out

    def crit(c: Criterion) -> dict:
        return {
            "id": c.id, "text": c.text, "max": num(c.max), "rule": c.rule,
            "gate": {"stops": c.stops if isinstance(c.stops, str) else list(c.stops or ())} if c.is_gate else None,
            "allow_zero": c.allow_zero, "step": num(c.step), "evidence": list(c.evidence),
            "levels": [level(lv) for lv in c.levels],
            "items": [{
                "id": it.id, "text": it.text, "heading": it.heading,
                "points": str(it.band) if it.band is not None else None,
                "min": num(it.band.low) if it.band is not None else 0, "max": num(it.max),
                "levels": [level(lv) for lv in it.levels],
            } for it in c.items],
            "notes": [n.text for n in c.notes],
            **({"when": c.when.as_dict()} if c.when else {}),
        }

    return {
        "id": r.id, "title": r.title, "version": r.version, "carrier_type": r.carrier_type,
        "carrier_type_name": r.carrier_type_name, "jurisdiction": r.jurisdiction, "total": num(r.total),
        "profile": {a.id: {"label": a.label, "values": list(a.values)} for a in r.profile},
        "applied_profile": applied.profile if applied else None,
        "materials": [{"name": m.name, "detail": m.detail, "max_pages": m.max_pages} for m in view.materials],
        "conditions": [{"id": c.id, "text": c.text, "evidence": list(c.evidence)} for c in view.conditions],
        "gates": [{"id": g.id, "text": g.text, "stops": g.stops if isinstance(g.stops, str) else list(g.stops)}
                  for g in view.gates],
        "sections": [{
            "id": s.id, "no": s.no, "title": s.title, "max": num(s.max), "standard": s.standard,
            "variant": s.variant, "evidence": list(s.evidence), "criteria": [crit(c) for c in s.criteria],
            **({"when": s.when.as_dict()} if s.when else {}),
        } for s in view.sections],
        "priority_conditions": [{"id": p.id, "text": p.text} for p in view.priority_conditions],
        "tie_break": list(r.tie_break),
        "categories": list(r.categories),
        "recommendation": {"positive": r.recommendation.positive, "negative": r.recommendation.negative},
        "remarks": [n.text for n in r.remarks],
        "variants": r.variants() if applied is None else None,
    }
