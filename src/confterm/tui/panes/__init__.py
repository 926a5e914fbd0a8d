"""The main screen's panes, one per kind of tab: a day's sessions, the booths, the papers, my
agenda. Each composes its list and its detail, handles their messages, redraws itself when the
app state announces a change, and shows an item when asked (:meth:`Pane.show`)."""
