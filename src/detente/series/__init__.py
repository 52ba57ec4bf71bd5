"""Series: dated events become dyad summaries and time series."""
