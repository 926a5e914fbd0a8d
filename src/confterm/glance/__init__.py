"""What ``confterm now`` answers from: a program's timeline, kept beside the program cache.

A status line runs ``confterm now`` every few seconds, so it must cost little more than
Python's own start, at any program size. Loading a program means the model (and, for one too
large for the program cache, pydantic); a timeline is what ``now`` needs of it, made once:

* :mod:`confterm.glance.timeline` reads a timeline and answers "what is on, what is next"
  with the standard library alone (json, sqlite3), importing no model, no pydantic, no rich;
* :mod:`confterm.glance.build` makes it from a loaded program, when there is none yet or the
  one there no longer matches the program file (then, and only then, the program is loaded).

The timeline is derived data, never a second source of truth: it names the program file it
was made from and that file's identity (device, inode, size, modification and change times),
the format and the code that made it; anything else found there, or a damaged file, means
making it again from the program.
"""
