"""The expert's half: the scoring window, the rubric form, the way in (roster, pledge, recusal), signing."""
