"""The Textual app. Imported lazily by the CLI so that scripted commands start fast."""
