"""Events: predicates in the parse become CAMEO-coded events between actor mentions."""
