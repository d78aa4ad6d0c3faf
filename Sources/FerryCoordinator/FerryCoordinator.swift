// The FerryCoordinator module: filled in by its issue work.
