"""One catalog of words for the whole product, in Qt Linguist's .ts format.

Source strings are English; the files in `resources/i18n/zh_CN/*.ts` give
the Chinese (one file per area of the product, so they can be edited apart). The Qt side loads the compiled .qm through QTranslator; the core
(which must not import Qt) reads the same .ts here, so the CLI and the
window speak with one voice. Chinese is the default language.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from functools import lru_cache

from app import paths

CONTEXT = "PanelReview"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_current: str | None = None


def catalog_files(lang: str = "zh_CN") -> list:
    """The .ts files that make up `lang`'s catalog."""
    return sorted((paths.i18n_dir() / lang).glob("*.ts"))


def compiled_path(lang: str = "zh_CN"):
    """The .qm file Qt loads, compiled from catalog_files(lang) by tools/i18n.py."""
    return paths.i18n_dir() / f"panelreview_{lang}.qm"


@lru_cache(maxsize=4)
def catalog(lang: str) -> dict[str, str]:
    """source → translation for `lang`; empty for English or a missing file."""
    if lang == "en":
        return {}
    out: dict[str, str] = {}
    for path in catalog_files(lang):
        out.update(read_ts(path))
    return out


def read_ts(path) -> dict[str, str]:
    """The finished translations of one .ts file (unreadable file: none)."""
    try:
        tree = ET.parse(path)
    except (OSError, ET.ParseError):
        return {}
    out: dict[str, str] = {}
    for ctx in tree.getroot().iter("context"):
        if (ctx.findtext("name") or "") != CONTEXT:
            continue
        for msg in ctx.iter("message"):
            src = msg.findtext("source")
            node = msg.find("translation")
            if src is None or node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if node.text:
                out[src] = node.text
    return out


def normalise(lang: str | None) -> str:
    if not lang:
        return DEFAULT_LANGUAGE
    low = lang.lower().replace("-", "_")
    if low.startswith("en"):
        return "en"
    return "zh_CN"


def language() -> str:
    """The language in force: set_language(), else $PANELREVIEW_LANG, else Chinese."""
    if _current:
        return _current
    return normalise(os.environ.get("PANELREVIEW_LANG"))


def set_language(lang: str | None) -> None:
    global _current
    _current = normalise(lang) if lang else None


def tr(text: str, *, lang: str | None = None) -> str:
    """`text` in `lang` (default: the current language); English is the source."""
    return catalog(lang or language()).get(text, text)


class Sentence:
    """A message kept as its English template and fields, translated each time it is shown.

    Kept this way (not as text) so a stored result reads in the language of
    whoever opens it. Fields are plain values (str, int, float, bool, None).
    """

    __slots__ = ("template", "fields")

    def __init__(self, template: str, /, **fields) -> None:
        self.template = template
        self.fields = fields

    def text(self, lang: str | None = None) -> str:
        """The sentence in `lang` (default: the current language)."""
        try:
            return tr(self.template, lang=lang).format(**self.fields)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**self.fields)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Sentence({self.template!r}, **{self.fields!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sentence) and (self.template, self.fields) == (other.template, other.fields)

    def __hash__(self) -> int:
        return hash(self.template)

    def without_file(self) -> "Sentence":
        """The same sentence without a leading "{file}: " (shown where the file has its own column)."""
        prefix = "{file}: "
        if self.template.startswith(prefix):
            fields = {k: v for k, v in self.fields.items() if k != "file"}
            return Sentence(self.template[len(prefix):], **fields)
        return self

    def as_json(self) -> dict:
        return {"template": self.template, "fields": self.fields}

    @classmethod
    def from_json(cls, data: dict) -> "Sentence":
        return cls(data["template"], **data.get("fields", {}))
