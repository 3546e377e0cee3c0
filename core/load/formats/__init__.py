"""Other timeline tools' files, converted to and from the app's columns (standard library only):
TimelineJS sheets (`timelinejs`, read and written) and vis-timeline JSON (`visjson`)."""
