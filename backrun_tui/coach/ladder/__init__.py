"""The ladder: catalog, plan, progression, retests, swaps, and the answer after each exercise."""
