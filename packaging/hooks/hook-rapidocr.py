"""rapidocr for the secretary's bundle: what it finds by path or by computed name, which the analysis cannot see.

It reads config.yaml and default_models.yaml beside its modules and the PP-OCR models in its models folder
(app/ocr.py gives the models' paths, so nothing is downloaded), and imports its modules through
importlib.import_module (`rapidocr.RapidOCR` is rapidocr.main). Of its inference engines only onnxruntime's
is kept: the others would want paddle, torch, OpenVINO, TensorRT or MNN.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

OTHER_ENGINES = tuple(f"rapidocr.inference_engine.{e}" for e in ("openvino", "paddle", "pytorch", "tensorrt", "mnn"))

datas = collect_data_files("rapidocr", excludes=["inference_engine/pytorch", "**/.gitkeep"])
hiddenimports = collect_submodules("rapidocr", filter=lambda name: not name.startswith(OTHER_ENGINES))
excludedimports = list(OTHER_ENGINES)
