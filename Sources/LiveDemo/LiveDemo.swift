// The LiveDemo module: filled in by its issue work.
