"""The rubrics checked against the documents they come from, never against themselves.

Seed 004 (the Shenzhen 评审细则 tables) is parsed here, by this file alone,
from its own text: one table row per line, cells split on tabs, the scan's
<p> tags read as spaces; in the 评审细则 cell a heading is "N.…满分N分" (or
"N.…记N分"), a level or item starts "(n)", "（n）" or "①" and ends "记X分" /
"记X-Y分", a "(n)" without points heads a group of "①" levels, a sentence
before the first heading that says "不进入" is a gate, and a cell with no
heading at all is one criterion worth its whole section. A level that has
no points at the end of its cell ran into the next page: the first words of
the next row's cell finish it. Every criterion of the three Shenzhen rubrics
is then compared with its row: text, maximum, levels (heading, text, band),
checklist items, notes, gates, and what a group heading names of the
profile. Whether a criterion is a checklist follows from the document's
arithmetic: its parts add up to its 满分.

The second half reads the basic conditions (基本条件) and priority
conditions (倾斜条件) of seeds 000, 002 and 003 sentence by sentence: each is
a condition of the rubric it belongs to (found word for word, whitespace
aside) or is listed, with its reason, under "Deliberately not encoded" in
docs/rubrics.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from app import rubric

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = "000_adc06df6534c35e3.txt"
SEED_002 = "002_8ac4f101f472d886.txt"
SEED_003 = "003_64262c9e8eabc851.txt"
SEED_004 = "004_67d23fd4c36d1734.txt"
# The three table titles of 004 and the rubric that encodes each.
TABLES = {
    "高技能人才培训基地认定评审细则": "sz-training-base",
    "技能大师工作室认定评审细则": "sz-master-studio",
    "乡村振兴技能工作站认定评审细则": "sz-rural-workstation",
}


def norm(text: str | None) -> str:
    """Text as compared: without whitespace (the scan's line breaks and spaces are not words)."""
    return re.sub(r"\s+", "", text or "")


@pytest.fixture(scope="module")
def shipped() -> dict[str, rubric.Rubric]:
    return rubric.load_all()


@pytest.fixture
def seed(seeds_dir):
    return lambda name: (seeds_dir / name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- seed 004, parsed here

HEADING = re.compile(r"^(\d+\.(?!\d).*?(?:满分|记)\s*(\d+)\s*分)(?=\s|$)")
GROUP = re.compile(r"^[（(]\d+[）)]")
CIRCLED = re.compile(r"^[①-⑳]")
POINTS = re.compile(r"记\s*(\d+)\s*(?:[-－—~]\s*(\d+))?\s*分")
# A level, item or heading begins after a space (or at the start of the cell).
MARK = re.compile(r"(?:(?<=\s)|^)(?=\d+\.(?!\d)|[（(]\d+[）)]|[①-⑳])")
SECTION_CELL = re.compile(r"^(.+?)\s*[（(](\d+)分[）)]")
VARIANT = re.compile(r"^(类型[一二三四五]\s*[:：]\s*\S+)\s+(.*)$")


def band_of(text: str) -> tuple[int, int] | None:
    found = POINTS.findall(text)
    if not found:
        return None
    low, high = found[-1]
    return int(low), int(high or low)


@dataclass
class SeedLevel:
    heading: str | None  # the "(n)" group it sits in, or the checklist item's own heading
    text: str
    band: tuple[int, int] | None  # None until a page break is mended


@dataclass
class SeedCriterion:
    text: str
    max: int
    levels: list[SeedLevel] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def parts(self) -> list[int]:
        """The most each top-level part gives: a level or item alone, or the best of a group."""
        out: list[int] = []
        groups: dict[str, int] = {}
        for lv in self.levels:
            high = lv.band[1] if lv.band else 0
            if lv.heading is None:
                out.append(high)
            else:
                groups[lv.heading] = max(groups.get(lv.heading, 0), high)
        return out + list(groups.values())

    @property
    def checklist(self) -> bool:
        parts = self.parts()
        return len(parts) > 1 and sum(parts) == self.max


@dataclass
class SeedSection:
    no: str
    title: str
    max: int
    standard: str
    variant: str | None
    material: str
    gate: str | None = None
    criteria: list[SeedCriterion] = field(default_factory=list)


@dataclass
class SeedTable:
    title: str
    sections: list[SeedSection] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)


def cell(raw: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"</?p>", " ", raw)).strip()


def parse_004(text: str) -> dict[str, SeedTable]:
    tables: dict[str, SeedTable] = {}
    table: SeedTable | None = None
    for n, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped in TABLES:
            table = tables[stripped] = SeedTable(stripped)
            continue
        if table is None or not stripped:
            continue
        cells = line.split("\t")
        if len(cells) == 5:
            if cells[0].strip() != "序号":
                add_row(table, [cell(c) for c in cells], n)
        elif stripped.startswith("备注"):
            table.remarks.append(stripped)
        else:
            raise AssertionError(f"{SEED_004} line {n}: text outside a table row: {stripped[:40]}")
    return tables


def add_row(table: SeedTable, cells: list[str], line: int) -> None:
    no, content, standard, rules, evidence = cells
    variant = None
    m = VARIANT.match(standard)
    if m:
        variant, standard = m.group(1), m.group(2)
    material = re.split(r"\s|包括", evidence, maxsplit=1)[0]
    if no:
        m = SECTION_CELL.match(content)
        assert m, f"{SEED_004} line {line}: section cell {content!r} has no (N分)"
        section = SeedSection(no, m.group(1), int(m.group(2)), standard, variant, material)
    else:  # the second form of the row above (类型二)
        before = table.sections[-1]
        section = SeedSection(before.no, before.title, before.max, standard, variant, material)
    lead = parse_rules(section, rules)
    open_level = last_level(table)
    for text in lead:
        if "不进入" in text:
            section.gate = text
        elif open_level is not None and open_level.band is None:
            # the previous row's last level ran into this cell: "…同时训" / "练，记6-14分。"
            open_level.text += text
            open_level.band = band_of(open_level.text)
        elif not section.criteria and band_of(text):
            section.criteria.append(SeedCriterion(text, section.max, [SeedLevel(None, text, band_of(text))]))
        else:
            raise AssertionError(f"{SEED_004} line {line}: cannot place {text[:40]!r}")
    table.sections.append(section)


def last_level(table: SeedTable) -> SeedLevel | None:
    for section in reversed(table.sections):
        for crit in reversed(section.criteria):
            if crit.levels:
                return crit.levels[-1]
    return None


def parse_rules(section: SeedSection, text: str) -> list[str]:
    """Fill `section.criteria` from a 评审细则 cell; returns the text before its first heading."""
    lead: list[str] = []
    crit: SeedCriterion | None = None
    group: str | None = None
    for seg in (s.strip() for s in MARK.split(text)):
        if not seg:
            continue
        m = HEADING.match(seg)
        if m:
            crit = SeedCriterion(m.group(1), int(m.group(2)))
            section.criteria.append(crit)
            group = None
            rest = seg[m.end():].strip()
            if rest and band_of(rest):
                crit.levels.append(SeedLevel(None, rest, band_of(rest)))
            elif rest:
                crit.notes.append(rest)
            continue
        if crit is None:
            lead.append(seg)
        elif GROUP.match(seg) and band_of(seg) is None:
            group = seg
        elif GROUP.match(seg):
            group = None
            crit.levels.append(SeedLevel(None, seg, band_of(seg)))
        elif CIRCLED.match(seg):
            crit.levels.append(SeedLevel(group, seg, band_of(seg)))
        else:
            raise AssertionError(f"{SEED_004}: cannot read {seg[:40]!r} in {crit.text}")
    return lead


def test_the_004_parser_reads_the_table_as_printed(seed):
    tables = parse_004(seed(SEED_004))
    assert list(tables) == list(TABLES)
    base = tables["高技能人才培训基地认定评审细则"]
    assert [(s.no, s.title, s.max) for s in base.sections] == [
        ("1", "组织管理", 10), ("2", "设施设备", 30), ("2", "设施设备", 30), ("3", "师资队伍", 10),
        ("4", "培训成果", 25), ("5", "校企合作", 10), ("6", "社会效益", 15)]
    # the cell that ran into the next page, mended in order
    mended = base.sections[1].criteria[1].levels[-1]
    assert norm(mended.text) == norm("②实训设备满足新技术应用的培训需要,工位满足不少于10人及以上同时训练，记6-14分。")
    assert mended.band == (6, 14) and mended.heading == "(2)专项基地"
    assert not base.sections[2].gate and "若不满足" in base.sections[1].gate
    studio = tables["技能大师工作室认定评审细则"]
    skill = studio.sections[0].criteria[0]
    assert skill.text == "1.技能大师的技能水平，满分25分" and skill.checklist and skill.parts() == [8, 17]
    # a heading that says 记5分 where the others say 满分N分
    sites = tables["乡村振兴技能工作站认定评审细则"].sections[5].criteria[1]
    assert (sites.text, sites.max, sites.levels[0].band) == ("2.上年度培训站点开展技能培训班，记5分", 5, (3, 5))
    for table in tables.values():
        assert sum({s.no: s.max for s in table.sections}.values()) == 100, table.title
        for s in table.sections:
            assert sum(c.max for c in s.criteria) == s.max, (table.title, s.no)
            for c in s.criteria:
                assert all(lv.band for lv in c.levels), (table.title, c.text)


# --------------------------------------------------------------------------- rubric vs 004


def named_values(heading: str, r: rubric.Rubric) -> dict[str, list[str]]:
    """The profile values a heading names ("(1)普通基地" → scope: 普通基地), longest words first."""
    rest = heading
    found: dict[str, set[str]] = {}
    words = sorted(((v, a.id) for a in r.profile for v in a.values), key=lambda t: -len(t[0]))
    for value, attr in words:
        if value in rest:
            found.setdefault(attr, set()).add(value)
            rest = rest.replace(value, "\0")
    return {attr: sorted(values) for attr, values in found.items()}


def band(b: rubric.Band | None) -> tuple[int, int] | None:
    return None if b is None else (int(b.low), int(b.high))


def flat(c: rubric.Criterion) -> list[tuple[str | None, str, tuple[int, int] | None, dict]]:
    """A criterion's levels or items as (group heading, text, band, when), in order."""
    if c.rule == "checklist":
        out = []
        for it in c.items:
            if it.band is not None:
                out.append((None, it.text, band(it.band), it.when.as_dict()))
            for lv in it.levels:
                out.append((it.heading, lv.text, band(lv.band), it.when.as_dict()))
        return out
    return [(lv.heading, lv.text, band(lv.band), lv.when.as_dict()) for lv in c.levels]


def compare_004(r: rubric.Rubric, table: SeedTable) -> list[str]:
    bad: list[str] = []

    def differ(what: str, ours, theirs) -> None:
        bad.append(f"{r.id} {what}\n    rubric: {ours}\n    seed:   {theirs}")

    if r.title != table.title:
        differ("title", r.title, table.title)
    if len(r.sections) != len(table.sections):
        differ("number of sections", [s.id for s in r.sections], [s.title for s in table.sections])
    for s, t in zip(r.sections, table.sections):
        if (s.no, s.title, int(s.max)) != (t.no, t.title, t.max):
            differ(f"{s.id}: number, title, maximum", (s.no, s.title, int(s.max)), (t.no, t.title, t.max))
        if norm(s.standard) != norm(t.standard):
            differ(f"{s.id}: 评审标准", s.standard, t.standard)
        if norm(s.variant) != norm(t.variant):
            differ(f"{s.id}: variant", s.variant, t.variant)
        if t.variant is None and s.when:
            differ(f"{s.id}: when", s.when.as_dict(), "no variant label")
        for attr, values in s.when.as_dict().items():
            if any(v not in (t.variant or "") for v in values):
                differ(f"{s.id}: when {attr}", values, t.variant)
        if s.evidence[:1] != (t.material,):
            differ(f"{s.id}: evidence", list(s.evidence), t.material)
        gates = [c for c in s.criteria if c.is_gate]
        crits = [c for c in s.criteria if not c.is_gate]
        if t.gate is None and gates:
            differ(f"{s.id}: gate", [g.text for g in gates], "none")
        if t.gate is not None:
            if [norm(g.text) for g in gates] != [norm(t.gate)] or s.criteria[0] not in gates:
                differ(f"{s.id}: gate (first in the cell)", [g.text for g in gates], t.gate)
            elif "后续" in t.gate and gates[0].stops != "following":
                differ(f"{gates[0].id}: stops", gates[0].stops, "following (若不满足，则不进入后续评分流程)")
        if len(crits) != len(t.criteria):
            differ(f"{s.id}: criteria", [c.text for c in crits], [c.text for c in t.criteria])
        for c, tc in zip(crits, t.criteria):
            if norm(c.text) != norm(tc.text):
                differ(f"{c.id}: text", c.text, tc.text)
            if int(c.max) != tc.max or c.max != Decimal(tc.max):
                differ(f"{c.id}: maximum", c.max, tc.max)
            want_rule = "checklist" if tc.checklist else "levels"
            if c.rule != want_rule:
                differ(f"{c.id}: rule (parts {tc.parts()} against 满分{tc.max})", c.rule, want_rule)
            ours = flat(c)
            if len(ours) != len(tc.levels):
                differ(f"{c.id}: levels", [t_ for _, t_, _, _ in ours], [lv.text for lv in tc.levels])
            for k, ((heading, text, b, when), lv) in enumerate(zip(ours, tc.levels), start=1):
                if norm(text) != norm(lv.text):
                    differ(f"{c.id} level {k}: text", text, lv.text)
                if b != lv.band:
                    differ(f"{c.id} level {k} ({lv.text}): band", b, lv.band)
                if norm(heading) != norm(lv.heading):
                    differ(f"{c.id} level {k} ({lv.text}): heading", heading, lv.heading)
                expected = named_values(lv.heading or "", r)
                if when != expected:
                    differ(f"{c.id} level {k} ({lv.text}): when, from its heading {lv.heading!r}", when, expected)
            if [norm(n.text) for n in c.notes] != [norm(n) for n in tc.notes]:
                differ(f"{c.id}: notes", [n.text for n in c.notes], tc.notes)
    remarks = [norm(n.text) for n in r.remarks]
    for line in table.remarks:
        if norm(line) not in remarks:
            differ("remarks", [n.text for n in r.remarks], line)
    gates = [g for g in r.gates]
    stopping = [line for line in table.remarks if "不需要进入评审" in line]
    if [norm(g.text) for g in gates] != [norm(line) for line in stopping]:
        differ("rubric-level gates", [g.text for g in gates], stopping)
    for g in gates:
        if g.stops != "all":
            differ(f"{g.id}: stops", g.stops, "all (不需要进入评审环节)")
    return bad


@pytest.mark.parametrize("rid", list(TABLES.values()))
def test_every_criterion_is_the_seed_row(shipped, seed, rid):
    title = next(t for t, r in TABLES.items() if r == rid)
    table = parse_004(seed(SEED_004))[title]
    bad = compare_004(shipped[rid], table)
    assert not bad, f"{rid} differs from {SEED_004}:\n" + "\n".join(bad)


def test_the_comparison_notices_a_lost_heading(shipped, seed):
    """The bug this file was written for: a checklist criterion showing its last item's words as its text."""
    from dataclasses import replace

    table = parse_004(seed(SEED_004))["技能大师工作室认定评审细则"]
    r = shipped["sz-master-studio"]
    s1 = r.sections[0]
    broken_crit = replace(s1.criteria[0], text="(1) 具备高级技师技能等级（或高级工艺美术师）及以上，记5-8分；")
    broken = replace(r, sections=(replace(s1, criteria=(broken_crit, *s1.criteria[1:])), *r.sections[1:]))
    bad = compare_004(broken, table)
    assert len(bad) == 1 and bad[0].startswith("sz-master-studio S1.1: text")
    assert "1.技能大师的技能水平，满分25分" in bad[0] and "记5-8分" in bad[0]


# --------------------------------------------------------------------------- every text appears in its source

MAX_GAP = 2000  # a cell that ran into the next page resumes within one table row


def clean(text: str) -> str:
    return re.sub(r"\s+|</?p>", "", text)


def found_in(needle: str, hay: str) -> bool:
    """Contiguous, or in two in-order pieces close together (a table cell that ran into the next page)."""
    if needle in hay:
        return True
    for cut in range(len(needle) - 1, 5, -1):
        head, tail = needle[:cut], needle[cut:]
        start = hay.find(head)
        while start >= 0:
            after = start + len(head)
            if hay.find(tail, after, after + MAX_GAP + len(tail)) >= 0:
                return True
            start = hay.find(head, start + 1)
    return False


def test_every_text_appears_in_its_source(shipped, seeds_dir):
    for r in shipped.values():
        sources = [s.file for s in r.sources]
        hay = "".join(clean((seeds_dir / f).read_text(encoding="utf-8")) for f in sources)
        missing = [(path, text) for path, text in r.texts() if not found_in(clean(text), hay)]
        assert not missing, f"{r.id}: not in {sources}: {missing[:3]}"


def test_found_in_notices_a_changed_word(seeds_dir):
    hay = clean((seeds_dir / SEED_004).read_text(encoding="utf-8"))
    assert found_in(clean("培训场地(理论+实操)建筑面积2000m²及以上,记15分;"), hay)
    assert not found_in(clean("培训场地(理论+实操)建筑面积3000m²及以上,记15分;"), hay)
    assert found_in(clean("②实训设备满足新技术应用的培训需要,工位满足不少于10人及以上同时训练，记6-14分。"), hay)
    assert not found_in("佐证材料二十", hay)


# --------------------------------------------------------------------------- conditions of 000, 002, 003

NOT_ENCODED_HEADING = "## Deliberately not encoded"


@dataclass
class Sentence:
    seed: str
    where: str
    text: str
    rubrics: tuple[str, ...]
    kind: str  # "condition" or "priority"
    profile: dict[str, str] | None = None  # the variant the sentence is written for


def between(text: str, start: str, end: str, *, after: str = "") -> str:
    base = text.index(after) if after else 0
    i = text.index(start, base) + len(start)
    return text[i:text.index(end, i)]


def sentences(block: str) -> list[str]:
    """Each line of a block, cut after every 。 (a condition may hold several sentences)."""
    out = []
    for line in block.splitlines():
        out += [p.strip() for p in re.findall(r"[^。]+。?", line.strip()) if p.strip()]
    return out


def split_by(block: str, headings: dict[str, object]) -> list[tuple[str, object, str]]:
    """`block` cut at each heading line: (heading, its value, the text under it)."""
    marks = sorted((block.index(h), h) for h in headings)
    out = []
    for k, (pos, h) in enumerate(marks):
        end = marks[k + 1][0] if k + 1 < len(marks) else len(block)
        out.append((h, headings[h], block[pos + len(h):end]))
    return out


def seed_sentences(seed) -> list[Sentence]:
    out: list[Sentence] = []
    sz = ("sz-training-base", "sz-master-studio", "sz-rural-workstation")

    t = seed(SEED_000)
    for s in sentences(between(t, "二、申报对象", "三、申报条件")):
        out.append(Sentence(SEED_000, "二、申报对象", s, sz, "condition"))
    block = between(t, "三、申报条件", "四、认定名额")
    for head, rid, text in split_by(block, {
        "（一）高技能人才培训基地认定基本条件": "sz-training-base",
        "（二）技能大师工作室认定基本条件": "sz-master-studio",
        "（三）乡村振兴技能工作站认定基本条件": "sz-rural-workstation",
    }):
        out += [Sentence(SEED_000, f"三{head}", s, (rid,), "condition") for s in sentences(text)]

    t = seed(SEED_002)
    base = between(t, "（一）国家级高技能人才培训基地建设项目", "(二) 国家级技能大师工作室建设项目", after="二、条件要求")
    intro, _, lists = base.partition("1. 新建项目应同时满足以下基本条件：")
    where = "二（一）国家级高技能人才培训基地建设项目"
    # "优先支持…" says which bases come first: a priority condition, as 003 calls them
    out += [Sentence(SEED_002, where, s, ("national-training-base",), "priority" if s.startswith("优先") else "condition")
            for s in sentences(intro)]
    out.append(Sentence(SEED_002, where, "1. 新建项目应同时满足以下基本条件：", ("national-training-base",),
                        "condition", {"project": "新建项目"}))
    new, _, built = lists.partition("2. 已建项目应从")
    for project, text in (("新建项目", new), ("已建项目", "2. 已建项目应从" + built)):
        out += [Sentence(SEED_002, f"{where} {project}", s, ("national-training-base",), "condition",
                         {"project": project}) for s in sentences(text)]
    studio = between(t, "(二) 国家级技能大师工作室建设项目", "三、申报及遴选程序")
    out += [Sentence(SEED_002, "二（二）国家级技能大师工作室建设项目", s, ("national-master-studio",), "condition")
            for s in sentences(studio)]

    t = seed(SEED_003)
    basic = between(t, "（一）基础条件。", "（二）倾斜条件。", after="四、申报条件")
    for head, rid, text in split_by(basic, {
        "1．国家级高技能人才培训基地。": "cq-national-training-base",
        "2．市级高技能人才培训基地。": "cq-city-training-base",
    }):
        out += [Sentence(SEED_003, f"四（一）{head}", s, (rid,), "condition") for s in sentences(text)]
    for s in sentences(between(t, "（二）倾斜条件。", "五、申报评审", after="四、申报条件")):
        out.append(Sentence(SEED_003, "四（二）倾斜条件", s, ("cq-national-training-base", "cq-city-training-base"),
                            "priority"))
    return out


def not_encoded() -> str:
    doc = (ROOT / "docs" / "rubrics.md").read_text(encoding="utf-8")
    assert NOT_ENCODED_HEADING in doc, f"docs/rubrics.md has no {NOT_ENCODED_HEADING!r} section"
    return doc.split(NOT_ENCODED_HEADING, 1)[1].split("\n## ", 1)[0]


def rules_of(r: rubric.Rubric, kind: str, profile: dict[str, str] | None) -> list[str]:
    things = r.priority_conditions if kind == "priority" else r.conditions
    return [norm(c.text) for c in things if profile is None or c.when.matches(profile)]


def test_the_sentence_reader_finds_every_list(seed):
    found = seed_sentences(seed)
    by = lambda where: [s.text for s in found if s.where.startswith(where)]  # noqa: E731
    assert by("二、申报对象") == ["依法设立、注册地位于龙岗区的企业、行业协会、职业培训机构、高等学校、职业院校（含技工院校）"
                              "以及承担职业培训职能的其他事业单位。"]
    assert len(by("三（二）")) == 10 and by("三（三）")[-1].startswith("鼓励符合条件的企事业单位联合申报")
    # the lead-in and (1)-(9), where (2) runs across a page break and (6) has two sentences
    assert len([s for s in found if s.profile == {"project": "新建项目"}]) == 1 + 9 + 1 + 1
    assert by("二（一）国家级高技能人才培训基地建设项目 已建项目")[0] == (
        "2. 已建项目应从 2011—2020 年确定的国家级高技能人才培训基地中选取，同时满足以下基本条件：")
    assert by("四（二）")[0] == "同等条件下，对有下列情形之一的申报对象予以倾斜：" and len(by("四（二）")) == 7


def test_every_condition_of_the_calls_is_a_rule_or_said_not_to_be(shipped, seed):
    listed = norm(not_encoded())
    bad = []
    for s in seed_sentences(seed):
        text = norm(s.text)
        missing = [rid for rid in s.rubrics
                   if not any(text in rule for rule in rules_of(shipped[rid], s.kind, s.profile))]
        if missing and text not in listed:
            kind = "priority condition" if s.kind == "priority" else "condition"
            variant = f" (for {s.profile})" if s.profile else ""
            bad.append(f"{s.seed} {s.where}: {s.text!r} is neither a {kind} of {', '.join(missing)}{variant} "
                       f"nor listed under {NOT_ENCODED_HEADING!r} in docs/rubrics.md")
        if not missing and text in listed:
            bad.append(f"{s.seed} {s.where}: {s.text!r} is encoded, yet docs/rubrics.md lists it as not encoded")
    assert not bad, "\n".join(bad)


def test_what_is_not_encoded_is_quoted_from_the_seeds_with_a_reason(seeds_dir):
    hay = "".join(norm((seeds_dir / f).read_text(encoding="utf-8")) for f in (SEED_000, SEED_002, SEED_003))
    entries = [line for line in not_encoded().splitlines() if line.startswith("- ")]
    assert entries
    for entry in entries:
        m = re.match(r"^- (\d{3}) [^「]*「(.+?)」(.*)$", entry)
        assert m, f"docs/rubrics.md: write an entry as '- SEED where: 「sentence」 reason': {entry[:60]}"
        assert norm(m.group(2)) in hay, f"docs/rubrics.md quotes words no seed has: {m.group(2)[:40]}"
        assert len(m.group(3).strip()) > 20, f"docs/rubrics.md gives no reason for 「{m.group(2)[:30]}…」"


def test_the_calls_requirements_that_were_remarks_are_rules(shipped, seed):
    """Item by item, the sentences that once were left out or kept only as remarks."""
    t000, t002 = seed(SEED_000), seed(SEED_002)
    who = "依法设立、注册地位于龙岗区的企业、行业协会、职业培训机构、高等学校、职业院校（含技工院校）以及承担职业培训职能的其他事业单位。"
    assert who in t000
    for rid in ("sz-training-base", "sz-master-studio", "sz-rural-workstation"):
        assert [c.text for c in shipped[rid].conditions][0] == who, rid

    chosen = "2. 已建项目应从 2011—2020 年确定的国家级高技能人才培训基地中选取，同时满足以下基本条件："
    assert chosen in t002
    r = shipped["national-training-base"]
    built = r.apply({"project": "已建项目"})
    new = r.apply({"project": "新建项目"})
    assert chosen in [c.text for c in built.conditions]
    assert chosen not in [c.text for c in new.conditions]
    assert chosen not in [n.text for n in r.remarks]

    first = "优先支持建设先进制造业、战略性新兴产业及托育、护理、康养、家政等民生重点领域国家级高技能人才培训基地，加强相关领域职业工种高技能人才培养力度。"
    assert first in t002
    for applied in (built, new):
        assert [p.text for p in applied.priority_conditions] == [first]
        assert "priority" in {i.kind for i in applied.items()}
