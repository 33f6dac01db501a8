"""The rubric engine: loading, validation messages, profiles, the shipped rubrics (their words: test_fidelity.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from app import rubric
from app.errors import ProfileError, RubricError

ROOT = Path(__file__).resolve().parent.parent
SHENZHEN = ["sz-training-base", "sz-master-studio", "sz-rural-workstation"]


def example_yaml() -> str:
    doc = (ROOT / "docs" / "rubrics.md").read_text(encoding="utf-8")
    return doc.split("## Example", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]


def problems_of(text: str) -> list[str]:
    _, problems = rubric.parse(text, file="r.yaml")
    return [str(p) for p in problems]


def mutate(fn) -> str:
    data = yaml.safe_load(example_yaml())
    fn(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_docs_example_is_a_valid_rubric():
    r, problems = rubric.parse(example_yaml(), file="example.yaml")
    assert problems == []
    assert r.id == "example-studio" and r.total == 10


def test_example_applies_profile_and_lists_items():
    r, _ = rubric.parse(example_yaml(), file="example.yaml")
    applied = r.apply({"scope": "专项"})
    items = {i.id: i for i in applied.items()}
    assert list(items) == ["C1", "S1.G", "S1.1", "S1.2.1", "S1.2.2"]
    assert str(items["S1.1"].allowed) == "2-5,6" and items["S1.1"].none_allowed  # 0 is "none of the levels"
    assert Decimal("4") in items["S1.1"].allowed and Decimal("1") not in items["S1.1"].allowed
    assert items["S1.1"].level_for(Decimal(6)).text.startswith("①面积50m²")
    assert applied.stopped_by("S1.G") == {"S1.1", "S1.2.1", "S1.2.2"}


def test_profile_values_are_checked():
    r, _ = rubric.parse(example_yaml(), file="example.yaml")
    with pytest.raises(ProfileError, match="scope must be one of 普通, 专项"):
        r.apply({"scope": "其他"})
    with pytest.raises(ProfileError, match="no profile attribute colour"):
        r.apply({"scope": "普通", "colour": "red"})
    with pytest.raises(ProfileError, match="lacks scope"):
        r.apply({})
    assert r.apply({"类别": "普通"}).profile == {"scope": "普通"}


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["sections"][0]["criteria"][1]["levels"][0]["levels"].__setitem__(1, {"text": "②面积20m²及以上，记2-7分。", "points": "2-7"}),
     "r.yaml: sections[S1].criteria[S1.1].levels[0].levels[1].points: band 2-7 is outside 0..6"),
    (lambda d: d["sections"][0]["criteria"][1]["levels"][0]["levels"][1].__setitem__("points", "2-4"),
     "r.yaml: sections[S1].criteria[S1.1].levels[0].levels[1].points: is 2-4 but the text says 2-5"),
    (lambda d: d["sections"][0]["criteria"][1]["levels"][0]["levels"].__setitem__(1, {"text": "②面积20m²及以上", "points": "2-6"}),
     "r.yaml: sections[S1].criteria[S1.1]: bands 2-6 and 6 overlap for scope=普通"),
    (lambda d: d["sections"][0]["criteria"][1]["levels"][0]["levels"].__setitem__(0, {"text": "①面积100m²及以上", "points": 5}),
     "r.yaml: sections[S1].criteria[S1.1]: no level reaches the maximum 6 for scope=普通 (highest: 5)"),
    (lambda d: d["sections"][0].__setitem__("max", 12),
     "r.yaml: sections[S1]: criteria add up to 10, not the section's 12, for scope=普通"),
    (lambda d: d.__setitem__("total", 20),
     "r.yaml: total: sections add up to 10, not 20, for scope=普通"),
    (lambda d: d["sections"][0]["criteria"][2]["items"][1].__setitem__("id", "S1.2.1"),
     "duplicate id S1.2.1"),
    (lambda d: d["sections"][0]["criteria"][1]["levels"][0].__setitem__("when", {"scope": "特殊"}),
     "r.yaml: sections[S1].criteria[S1.1].levels[0].when.scope: unknown value '特殊' (allowed: 普通, 专项)"),
    (lambda d: d["sections"][0]["criteria"][1]["levels"][0].__setitem__("when", {"size": "大"}),
     "r.yaml: sections[S1].criteria[S1.1].levels[0].when.size: unknown profile attribute size"),
    (lambda d: d["sections"][0]["criteria"].append(d["sections"][0]["criteria"].pop(0)),
     "r.yaml: sections[S1].criteria[S1.G]: this gate stops nothing for scope=普通"),
    (lambda d: d["conditions"][0].__setitem__("evidence", ["不存在的报告"]),
     "r.yaml: conditions[C1].evidence: names material '不存在的报告', which is not in materials"),
    (lambda d: d["sections"][0]["criteria"][1].__setitem__("rule", "vote"),
     "r.yaml: sections[S1].criteria[S1.1].rule: unknown rule 'vote'"),
    (lambda d: d["sections"][0]["criteria"][2].__setitem__("step", 0.5) or d["sections"][0]["criteria"][2]["items"][0].__setitem__("points", 2.75),
     "cannot be reached in steps of 0.5"),
    (lambda d: d.__setitem__("tie_break", ["S9"]),
     "r.yaml: tie_break[0]: names 'S9', which is not a section"),
    (lambda d: d.pop("recommendation"),
     "r.yaml: recommendation: is missing"),
])
def test_broken_rubrics_are_rejected_with_precise_messages(change, expected):
    found = problems_of(mutate(change))
    assert any(expected in p for p in found), found


def test_yaml_syntax_error_names_the_line():
    found = problems_of("id: x\nsections: [\n")
    assert len(found) == 1 and found[0].startswith("r.yaml: line ")


def test_newer_format_is_refused():
    found = problems_of(mutate(lambda d: d.__setitem__("format", 99)))
    assert found == ["r.yaml: format: format 99 is newer than this program reads (1); update PanelReview"]


def test_load_raises_with_every_problem(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(mutate(lambda d: d.__setitem__("total", 20) or d.pop("recommendation")), encoding="utf-8")
    with pytest.raises(RubricError) as info:
        rubric.load(path)
    assert len(info.value.problems) == 2


def test_a_checklist_keeps_its_own_heading():
    """A checklist criterion's text is its heading, not its last item's (rubric show, the card, the sheets)."""
    r, _ = rubric.parse(example_yaml(), file="example.yaml")
    crit = r.apply({"scope": "普通"}).criterion("S1.2")
    assert crit.rule == "checklist" and crit.text == "2.设备，满分4分"
    assert [i.text for i in crit.items] == ["(1)设备先进，记3分；", "(2)有设备清单，记1分。"]
    assert rubric.to_json(None, r)["sections"][0]["criteria"][2]["text"] == "2.设备，满分4分"


def test_snapshot_round_trips():
    r, _ = rubric.parse(example_yaml(), file="example.yaml")
    import json
    again = rubric.from_data(json.loads(r.snapshot()))
    assert again.apply({"scope": "普通"}).items() == r.apply({"scope": "普通"}).items()


# --------------------------------------------------------------------------- the shipped rubrics


@pytest.fixture(scope="module")
def shipped() -> dict[str, rubric.Rubric]:
    return rubric.load_all()


def test_every_shipped_rubric_is_valid():
    files = rubric.rubric_files()
    assert len(files) >= 7
    for path in files:
        assert rubric.check_file(path) == [], path.name


def test_every_carrier_type_is_covered(shipped):
    ids = set(shipped)
    assert set(SHENZHEN) <= ids
    assert {"national-training-base", "national-master-studio",
            "cq-national-training-base", "cq-city-training-base"} <= ids
    assert {r.carrier_type for r in shipped.values()} == set(rubric.CARRIER_TYPES)


@pytest.mark.parametrize("rid", SHENZHEN)
def test_shenzhen_rubrics_total_100_for_every_profile(shipped, rid):
    r = shipped[rid]
    assert r.total == 100
    for profile in r.profiles():
        applied = r.apply(profile)
        assert sum(s.max for s in applied.sections) == 100, profile
        best = Decimal(0)
        for item in applied.items():
            if item.takes_points:
                best += item.allowed.max
        assert best == 100, profile


def test_training_base_variants(shipped):
    r = shipped["sz-training-base"]
    off = r.apply({"delivery": "线下", "scope": "专项基地", "applicant_kind": "企业"})
    on = r.apply({"delivery": "线上", "scope": "普通基地", "applicant_kind": "线上平台"})
    off_titles = [s.title for s in off.sections]
    assert off_titles == [s.title for s in on.sections]
    gates = [i for i in off.items() if i.kind == "gate"]
    assert len(gates) == 1 and "若不满足，则不进入后续评分流程" in gates[0].text.replace(",", "，")
    assert not [i for i in on.items() if i.kind == "gate"]
    assert [i for i in on.items() if i.kind == "check"]
    # 专项基地 bands for floor area differ from 普通基地
    ordinary = r.apply({"delivery": "线下", "scope": "普通基地", "applicant_kind": "企业"})
    area = lambda a: [lv.text for lv in next(c for c in a.criteria() if c.rule == "levels" and c.section == gates[0].section).levels]
    assert area(off) != area(ordinary)


def test_rural_workstation_gate_stops_everything(shipped):
    r = shipped["sz-rural-workstation"]
    applied = r.apply({})
    gates = [g for g in applied.gates]
    assert gates and gates[0].stops == "all"
    stopped = applied.stopped_by(gates[0].id)
    assert {i.id for i in applied.items() if i.takes_points} <= stopped


def test_rubrics_without_points_decide_by_recommendation(shipped):
    for rid in ("national-training-base", "national-master-studio", "cq-national-training-base", "cq-city-training-base"):
        r = shipped[rid]
        assert r.total is None and not r.sections
        assert r.conditions and r.recommendation.positive
    assert shipped["cq-city-training-base"].priority_conditions
    assert set(shipped["cq-city-training-base"].categories) == {"国际合作类", "数字技能类", "其他类"}
