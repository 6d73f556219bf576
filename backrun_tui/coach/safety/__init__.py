"""Safety: the symptom check, its red flags and the warning-sign gate (advice, never diagnosis)."""
