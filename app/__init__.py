"""PanelReview core: rubrics, sessions, score files, merge, sheets. No Qt here."""

__version__ = "0.1.0"
