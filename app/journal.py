"""The secretary's journal: every merge, re-check request, inspection, objection, export and print, in order.

    journal.log(result_path, session_id, journal.EXPORT, Sentence("exported the results to {file}", file=...),
                inputs=journal.score_inputs(result))
    for entry in journal.entries(result_path): ...

Kept in the result file (app.resultfile.Records, table "journal"), carried over by every merge, never
rewritten: an entry once logged stays. Each entry says when, what (a Sentence, so it reads in the
language of whoever looks), and the fingerprints of its inputs (score files, material files, the result),
so a printed annex can be matched against the files it names. Logging never stops the action it records:
a journal that cannot be written is reported by the caller as a warning, the action itself has happened.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterable

from app.i18n import Sentence
from app.resultfile import Records
from app.vocabulary import N_

# what was done (codes, as the journal keeps them)
MERGE, RECHECK, INSPECTION, OBJECTION, OBJECTION_DECIDED = "merge", "recheck", "inspection", "objection", "decided"
EXPORT, PRINT, LEADER, OPINION, DISSENT, NOTICE = "export", "print", "leader", "opinion", "dissent", "notice"
ACTIONS = (MERGE, RECHECK, INSPECTION, OBJECTION, OBJECTION_DECIDED, EXPORT, PRINT, LEADER, OPINION, DISSENT,
           NOTICE)
_WORDS = {MERGE: N_("merge"), RECHECK: N_("re-check request"), INSPECTION: N_("field inspection"),
          OBJECTION: N_("objection received"), OBJECTION_DECIDED: N_("objection decided"), EXPORT: N_("export"),
          PRINT: N_("print"), LEADER: N_("panel leader"), OPINION: N_("panel opinion"), DISSENT: N_("dissent"),
          NOTICE: N_("public notice")}
# as printed on the annex (the bureau files it in Chinese)
PRINTED = {MERGE: "汇总", RECHECK: "复核请求", INSPECTION: "实地考察", OBJECTION: "受理异议", OBJECTION_DECIDED: "异议处理",
           EXPORT: "导出", PRINT: "打印", LEADER: "推选组长", OPINION: "专家组意见", DISSENT: "不同意见", NOTICE: "公示"}


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Input:
    """Something an action read: what it is, and its fingerprint (a score file's, or a SHA-256)."""

    name: str
    fingerprint: str


@dataclass
class Entry:
    position: int
    at: str
    action: str
    what: Sentence
    inputs: list[Input] = field(default_factory=list)

    @property
    def action_word(self) -> str:
        from app.i18n import tr
        return tr(_WORDS.get(self.action, self.action))


def log(path: Path | str, session_id: str, action: str, what: Sentence, *, inputs: Iterable[Input] = (),
        at: str | None = None) -> Entry:
    """Append one entry to the journal of the result file at `path` (made, records only, if there is none)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown journal action {action!r}")
    items = list(inputs)
    row = {"at": at or now(), "action": action, "data": json.dumps(what.as_json(), ensure_ascii=False),
           "inputs": json.dumps([[i.name, i.fingerprint] for i in items], ensure_ascii=False)}
    records = Records(path)
    records.write("journal", row, session_id=session_id)
    return entries(path)[-1]


def entries(path: Path | str) -> list[Entry]:
    """The journal of the result file at `path`, oldest first (empty when nothing was logged)."""
    return [Entry(r["position"], r["at"], r["action"], Sentence.from_json(json.loads(r["data"])),
                  [Input(n, f) for n, f in json.loads(r["inputs"] or "[]")])
            for r in Records(path).rows("journal", order="position")]


def score_inputs(result) -> list[Input]:
    """The merged score files of `result` as inputs: who, which round, and the fingerprint on their signed sheets."""
    return [Input(f"{f.expert_id} {f.expert_name}（第{f.round or 1}轮）".strip(), f.fingerprint or "—")
            for f in result.accepted]


def log_output(result, action: str, file: Path | str | None = None, *, what: Sentence | None = None,
               path: Path | str | None = None, session_id: str | None = None) -> Sentence | None:
    """Journal that an output of `result` went to `file`: EXPORT ("exported the results to …") or PRINT ("printed
    …", or `what`, which then names the file itself), with the score files it came from; the command line and the
    window both log through here. Into `result`'s own file, or `path` / `session_id` (a sheet printed before any merge: `result` None).
    Returns, as safe_log, the reason a journal could not be written."""
    path = path or (result.path if result is not None else None)
    if not path:
        return None
    if what is None:
        what = Sentence(N_("exported the results to {file}") if action == EXPORT else N_("printed {file}"),
                        file=str(file))
    return safe_log(path, session_id or result.session_id, action, what,
                    inputs=score_inputs(result) if result is not None else ())


def safe_log(path: Path | str, session_id: str, action: str, what: Sentence, **kw) -> Sentence | None:
    """log(), but a journal that cannot be written returns the reason instead of undoing the action's success."""
    from app.errors import PanelReviewError

    try:
        log(path, session_id, action, what, **kw)
    except PanelReviewError as exc:
        return Sentence(N_("the journal could not be written: {reason}"), reason=str(exc))
    return None
