"""PanelReview's Qt face over the `app` core."""
