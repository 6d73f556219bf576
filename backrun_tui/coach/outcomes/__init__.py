"""Outcome measures the runner answers alone: the Patient-Specific Functional Scale (PSFS)."""
