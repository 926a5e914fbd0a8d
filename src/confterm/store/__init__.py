"""What confterm keeps for the user: bookmarks and marks in SQLite, and the imported conferences."""
