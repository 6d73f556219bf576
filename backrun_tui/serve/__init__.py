"""`backrun serve`: the app in a browser, locked to its owner (a token, a QR code)."""
