"""The self-test without Dash: which questions the data supports, a round made from a seed,
scoring, what the browser is sent, and the question steps of lecture mode."""
