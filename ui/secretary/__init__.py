"""The secretary's half: the window and its four pages (prepare, score files, ranking, field inspection), export and print."""
