"""Pure questions over a program: days, agenda, clashes, filters, search, now & next, reminders."""
