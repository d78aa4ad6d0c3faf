// The FerryMetrics module: filled in by its issue work.
