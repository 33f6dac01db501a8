"""One calm look for every window: light, high contrast, large enough for a long day of reading."""

SHEET = """
QMainWindow, QDialog { background: #f4f5f7; }
QLabel#caption { font-weight: 700; color: #333; padding: 4px 2px; }
QListWidget#applicants, QListWidget#materials {
    background: white; border: 1px solid #d5d8dd; border-radius: 4px;
}
QListWidget#applicants::item { padding: 6px 6px; border-bottom: 1px solid #eceef1; }
QListWidget#applicants::item:selected, QListWidget#materials::item:selected {
    background: #dbe8fb; color: black;
}
QListWidget#materials::item { padding: 3px 6px; }
QWidget#formpage { background: #f4f5f7; }
QFrame#formhead { background: white; border: 1px solid #d5d8dd; border-radius: 6px; padding: 6px; }
QLabel#total { font-size: 13pt; font-weight: 700; color: #0f3d75; }
QFrame#section { background: #eef1f5; border: 1px solid #d5d8dd; border-radius: 6px; }
QFrame#card { background: white; border: 1px solid #dde1e6; border-radius: 5px; }
QFrame#card:focus { border: 1px solid #3b82f6; }
QFrame#card[answered="true"] { border-left: 4px solid #1b7f3b; }
QFrame#card[stopped="true"] { background: #f2f2f2; }
QFrame#card[flash="true"] { border: 2px solid #f59e0b; }
QFrame#subcard { border: none; background: transparent; }
QLabel#badge { color: #0f3d75; font-weight: 600; padding-left: 8px; }
QLabel#subtotal { color: #0f3d75; font-weight: 700; }
QToolButton#evidence { color: #1f5fa8; text-decoration: underline; border: none; padding: 0 2px; }
QToolButton#pin { background: #fff4d6; border: 1px solid #e8c96a; border-radius: 8px; padding: 1px 8px; }
QFrame#recusal { background: transparent; }
QFrame#recusal[active="true"] { background: #fdecea; border: 1px solid #f5c2c0; border-radius: 4px; }
QLabel#saved { color: #1b7f3b; padding: 0 8px; }
QLabel#saved[error="true"] { color: #b00020; }
QToolBar { background: #ffffff; border-bottom: 1px solid #d5d8dd; spacing: 6px; padding: 3px; }
QToolBar QToolButton { padding: 4px 10px; border-radius: 4px; }
QToolBar QToolButton:hover { background: #e8eef8; }
QStatusBar { background: #ffffff; border-top: 1px solid #d5d8dd; }
QRadioButton, QCheckBox { spacing: 6px; }
"""
