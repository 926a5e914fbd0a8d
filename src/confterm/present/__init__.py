"""What people are shown, as plain words and data: labels, times, rows. No Textual."""
