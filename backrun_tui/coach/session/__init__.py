"""The session model: events and state in, the next state and what to save out."""
