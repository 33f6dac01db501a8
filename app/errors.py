"""Errors whose message is a sentence fit to show a secretary or an expert.

A message is written in English with `{name}` placeholders and translated
when it is shown, so the same error reads in Chinese in the Chinese UI:
``RubricError("{file}: {path}: band {band} is outside 0..{max}", file=..., ...)``.
"""

from __future__ import annotations

from typing import Any

from app.i18n import Sentence


class PanelReviewError(Exception):
    """Base of every error the core raises on purpose; str() is the translated sentence."""

    def __init__(self, message: str, /, **fields: Any) -> None:
        super().__init__(message)
        self.template = message
        self.fields = fields
        self.problems: list[PanelReviewError] = []

    def having(self, problems: list["PanelReviewError"]) -> "PanelReviewError":
        """Attach the individual findings (shown one per line after the message); returns self."""
        self.problems = list(problems)
        return self

    def __str__(self) -> str:
        return self.message()

    def message(self, lang: str | None = None) -> str:
        """The sentence in `lang` (default: the current language)."""
        return Sentence(self.template, **self.fields).text(lang)

    @property
    def sentence(self) -> Sentence:
        """The message as a Sentence whose fields are plain values (to keep, and to show later)."""
        return Sentence(self.template, **{k: _plain(v) for k, v in self.fields.items()})


def _plain(value: Any) -> Any:
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)


class RubricError(PanelReviewError):
    """A rubric file is missing, unreadable or invalid; `problems` lists every finding."""


class ProfileError(PanelReviewError):
    """An applicant profile does not fit its rubric."""


class TableError(PanelReviewError):
    """A row or column of an applicants or experts table is wrong."""


class SessionError(PanelReviewError):
    """A session folder is missing, damaged or does not match its manifest."""


class ScoreError(PanelReviewError):
    """A score was refused: out of band, not applicable, recused, gated or locked."""


class ScoreFileError(PanelReviewError):
    """A score file cannot be opened, belongs elsewhere, or fails verification."""


class DocumentError(PanelReviewError):
    """A material PDF cannot be shown (password, no pages, damaged)."""


class MergeError(PanelReviewError):
    """Score files cannot be merged."""


class RecheckError(PanelReviewError):
    """A re-check request or round is refused: another session or expert, not asked, or finalised."""


class SheetError(PanelReviewError):
    """An opinion sheet or report cannot be produced."""


class NothingMerged(MergeError):
    """No score file could be merged; `files` holds every file's status (app.result.FileStatus) with its reason."""

    def __init__(self, message: str, /, *, files: list[Any], **fields: Any) -> None:
        super().__init__(message, **fields)
        self.files = files


class RecordError(PanelReviewError):
    """A record of the review day (leader, opinion, dissent, notice, objection) is refused."""


class NoticeError(RecordError):
    """The public notice's period cannot be worked out (e.g. past the holiday calendar's last year)."""
