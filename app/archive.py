"""Archival copies: every PDF the program writes for the file sent upward is PDF/A-2b (ISO 19005-2, level B).

    from app import archive
    data = archive.pdfa_bytes(reportlab_pdf_bytes)   # bytes in, PDF/A-2b bytes out
    archive.to_pdfa(path)                            # or a PDF already on disk, rewritten in place
    data = archive.merged_pdfa([pdf1, pdf2, ...])    # several PDFs as one archival PDF

app/sheets.py's `render()` passes every sheet through `pdfa_bytes`, so a PDF laid
out with `sheets.render(story, ...)` is archival already; a writer that makes its
PDF another way calls one of the two functions above on the result.

What is done (the clauses of ISO 19005-2 each step answers):
- an OutputIntent /GTS_PDFA1 with the bundled sRGB ICC profile (resources/icc/sRGB.icc,
  ICC v2, zlib licence) — 6.2.3, so DeviceRGB and DeviceGray are allowed (6.2.4.3);
- XMP metadata with pdfaid:part 2 and pdfaid:conformance B, kept in step with the
  document information dictionary (6.6.2, 6.6.3);
- no page transitions (/Trans, which reportlab writes on every page), no additional
  actions (/AA), no JavaScript, Launch or other forbidden actions, no embedded files
  (6.5.1, 6.6.1, 6.8);
- no transparency: images with a soft mask (the drawn signature PNG) are composited onto
  white, transparency groups and non-opaque graphics states are made opaque, image
  interpolation is switched off (6.2.8, 6.2.10);
- unused resources removed; every font left must be embedded, else SheetError (6.2.11.4.1);
- a document /ID, no encryption (6.1.3).

Character coverage (no .notdef glyph, 6.2.11.8) is app/fonts.py's part: a character no
bundled face has is printed as □.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path
from typing import Any, Iterator

from app import files, paths
from app.errors import SheetError

ICC_FILE = "sRGB.icc"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
FORBIDDEN_ACTIONS = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/JavaScript", "/Hide",
                     "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView"}


def icc_path() -> Path:
    """The bundled sRGB profile; SheetError if it is not there."""
    path = paths.resources_dir() / "icc" / ICC_FILE
    if not path.is_file():
        raise SheetError("colour profile missing: {path}", path=str(path))
    return path


_icc: bytes | None = None


def _icc_bytes() -> bytes:
    global _icc
    if _icc is None:
        _icc = icc_path().read_bytes()
    return _icc


def pdfa_bytes(data: bytes, *, name: str = "") -> bytes:
    """The PDF `data` made PDF/A-2b; `name` (a file name) is only for the error message."""
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as exc:
        raise SheetError("{file}: cannot be made an archival PDF: {reason}", file=name or "PDF",
                         reason=str(exc)[:200]) from None
    with pdf:
        make_pdfa(pdf, name=name)
        out = io.BytesIO()
        # Streams are left as they are (reportlab's are compressed; the XMP must not be): half the time.
        # Object streams (PDF 1.5, allowed in PDF/A-2) pack the dictionaries: smaller and faster to write.
        pdf.save(out, encryption=False, fix_metadata_version=True, compress_streams=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()


def to_pdfa(path: Path) -> Path:
    """Rewrite the PDF at `path` as PDF/A-2b (whole or not at all); returns `path`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SheetError("cannot read {file}: {reason}", file=str(path), reason=exc.strerror or str(exc)) from None
    archived = pdfa_bytes(data, name=path.name)
    try:
        return files.write_atomic(path, archived)
    except OSError as exc:
        raise SheetError("cannot write {file}: {reason}", file=str(path), reason=exc.strerror or str(exc)) from None


def merged_pdfa(parts: list[bytes], *, name: str = "") -> bytes:
    """Several PDFs (e.g. every opinion sheet of an expert) as one PDF/A-2b, the first one's title kept.

    A merge that copies only pages (PyMuPDF's insert_pdf) drops the catalog's XMP and OutputIntent.
    """
    import pikepdf

    if not parts:
        raise SheetError("{file}: nothing to put into the archival PDF", file=name or "PDF")
    out = pikepdf.new()
    sources = []
    try:
        for k, data in enumerate(parts):
            src = pikepdf.open(io.BytesIO(data))
            sources.append(src)
            if k == 0:
                out.docinfo = out.copy_foreign(src.docinfo)
            out.pages.extend(src.pages)
        make_pdfa(out, name=name)
        buf = io.BytesIO()
        out.save(buf, encryption=False, fix_metadata_version=True, compress_streams=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return buf.getvalue()
    except pikepdf.PdfError as exc:
        raise SheetError("{file}: cannot be made an archival PDF: {reason}", file=name or "PDF",
                         reason=str(exc)[:200]) from None
    finally:
        for src in sources:
            src.close()
        out.close()


def make_pdfa(pdf: Any, *, name: str = "") -> None:
    """Make an open pikepdf.Pdf PDF/A-2b in place (see the module's docstring for what that takes)."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    root = pdf.Root
    for key in ("/AA", "/JavaScript"):
        if key in root:
            del root[key]
    if "/OpenAction" in root and _forbidden(root.OpenAction):
        del root["/OpenAction"]
    if "/Names" in root:
        for key in ("/JavaScript", "/EmbeddedFiles"):
            if key in root.Names:
                del root.Names[key]
    known: dict = {}  # font object → embedded (pages share their fonts)
    for page in pdf.pages:
        obj = page.obj
        for key in ("/Trans", "/AA", "/PresSteps"):
            if key in obj:
                del obj[key]
        if "/Group" in obj and obj.Group.get("/S") == Name.Transparency:
            del obj["/Group"]
        for annot in obj.get("/Annots", Array()):
            if "/AA" in annot:
                del annot["/AA"]
            if "/A" in annot and _forbidden(annot.A):
                del annot["/A"]
        own = obj.get("/Resources")
        if own is not None and not _fonts_embedded(own, known):
            _unselect_unshown_fonts(pdf, page, name)  # SheetError if a font that is not embedded shows text
        for res in _resources(own):
            _opaque(pdf, res)
            if not _fonts_embedded(res, known):
                _check_fonts(res, name)  # a form XObject's font: SheetError

    root.OutputIntents = Array([pdf.make_indirect(Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFA1, OutputConditionIdentifier=pikepdf.String(OUTPUT_CONDITION),
        Info=pikepdf.String(OUTPUT_CONDITION), RegistryName=pikepdf.String("http://www.color.org"),
        DestOutputProfile=pdf.make_stream(zlib.compress(_icc_bytes()), N=3, Filter=Name.FlateDecode),
    ))])
    if "/Trapped" in pdf.docinfo:  # no XMP equivalent in PDF/A-2's schemas: the two could not agree
        del pdf.docinfo["/Trapped"]
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"


def _forbidden(action: Any) -> bool:
    return not hasattr(action, "get") or str(action.get("/S", "")) in FORBIDDEN_ACTIONS


def _resources(res: Any, seen: set | None = None) -> Iterator[Any]:
    """`res` and the resources of every form XObject and pattern under it, each once."""
    if res is None:
        return
    seen = set() if seen is None else seen
    key = res.objgen if res.is_indirect else id(res)
    if key in seen:
        return
    seen.add(key)
    yield res
    for kind in ("/XObject", "/Pattern"):
        for _name, x in res.get(kind, {}).items():
            if "/Resources" in x:
                yield from _resources(x.Resources, seen)


def _opaque(pdf: Any, res: Any) -> None:
    from pikepdf import Name

    for _name, gs in res.get("/ExtGState", {}).items():
        for key in ("/CA", "/ca"):
            if key in gs and float(gs[key]) != 1.0:
                gs[key] = 1
        if "/SMask" in gs and gs.SMask != Name["/None"]:
            gs.SMask = Name["/None"]
        if "/BM" in gs and gs.BM not in (Name.Normal, Name.Compatible):
            gs.BM = Name.Normal
    for _name, x in res.get("/XObject", {}).items():
        if x.get("/Subtype") == Name.Image:
            if "/Interpolate" in x:
                del x["/Interpolate"]
            if "/SMask" in x:
                _flatten(x)
        elif "/Group" in x and x.Group.get("/S") == Name.Transparency:
            del x["/Group"]


def _flatten(image: Any) -> None:
    """Composite an image with a soft mask onto white, as it prints on paper; the mask goes."""
    from PIL import Image
    from pikepdf import Name, PdfImage

    try:
        base = PdfImage(image).as_pil_image().convert("RGB")
        alpha = PdfImage(image.SMask).as_pil_image().convert("L")
    except Exception as exc:  # pikepdf raises several kinds for an image it cannot decode
        raise SheetError("an image cannot be made opaque for the archival PDF: {reason}",
                         reason=str(exc)[:120]) from None
    if alpha.size != base.size:
        alpha = alpha.resize(base.size)
    flat = Image.composite(base, Image.new("RGB", base.size, "white"), alpha)
    image.write(zlib.compress(flat.tobytes()), filter=Name.FlateDecode)
    for key in ("/SMask", "/DecodeParms", "/Decode", "/Mask", "/SMaskInData"):
        if key in image:
            del image[key]
    image.ColorSpace = Name.DeviceRGB
    image.BitsPerComponent = 8
    image.Width, image.Height = flat.size


SHOW_TEXT = {"Tj", "TJ", "'", '"'}


def _unselect_unshown_fonts(pdf: Any, page: Any, name: str) -> None:
    """Take out of `page` each font that is not embedded but shows no text: its Tf operators and its resource.

    reportlab's canvas opens every page with "BT /F1 12 Tf 14.4 TL ET" (Helvetica, never embedded) unless told
    another initial font. The text state outlives BT … ET, so the font current at each text-showing operator is
    followed through q/Q; a font that is current at none of them can go without changing what is drawn. A font
    that does show text is refused (SheetError).
    """
    import pikepdf

    fonts = page.obj.Resources.get("/Font", {})
    bare = {key for key, font in fonts.items() if not _embedded(font)}
    ops = pikepdf.parse_content_stream(page)
    current, stack, shown = None, [], set()
    for operands, op in ops:
        kind = str(op)
        if kind == "q":
            stack.append(current)
        elif kind == "Q":
            current = stack.pop() if stack else None
        elif kind == "Tf" and operands:
            current = str(operands[0])
        elif kind in SHOW_TEXT:
            shown.add(current)
    for key in sorted(bare & shown):
        raise SheetError("{file}: font {font} is not embedded, so the PDF cannot be an archival copy",
                         file=name or "PDF", font=str(fonts[key].get("/BaseFont", "?")).lstrip("/"))
    kept = [(operands, op) for operands, op in ops
            if not (str(op) == "Tf" and operands and str(operands[0]) in bare)]
    data = pikepdf.unparse_content_stream(kept)
    page.obj.Contents = pdf.make_stream(zlib.compress(data), Filter=pikepdf.Name.FlateDecode)
    for key in bare:
        del fonts[key]


def _embedded(font: Any) -> bool:
    from pikepdf import Name

    subtype = font.get("/Subtype")
    if subtype == Name.Type3:
        return True
    desc = font.DescendantFonts[0].get("/FontDescriptor") if subtype == Name.Type0 else font.get("/FontDescriptor")
    return desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _fonts_embedded(res: Any, known: dict | None = None) -> bool:
    """Every font of `res` embedded; `known` caches the answer per font object (pages share their fonts)."""
    known = {} if known is None else known
    for _key, font in res.get("/Font", {}).items():
        key = font.objgen if font.is_indirect else None
        if key is None or key not in known:
            ok = _embedded(font)
            if key is None:
                if not ok:
                    return False
                continue
            known[key] = ok
        if not known[key]:
            return False
    return True


def _check_fonts(res: Any, name: str) -> None:
    for _key, font in res.get("/Font", {}).items():
        if not _embedded(font):
            raise SheetError("{file}: font {font} is not embedded, so the PDF cannot be an archival copy",
                             file=name or "PDF", font=str(font.get("/BaseFont", "?")).lstrip("/"))
