"""The full-screen interface: the app, the day's flow, palette commands, screens and widgets."""
