"""Schema over time: migration analysis, diff, history pages, git (issue 12)."""
