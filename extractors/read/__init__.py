"""Read: one reader per format, bytes -> `ReadDocument` (pages, paragraphs, tables with cells and
provenance).  Knows nothing about plans: what makes a page worth a full read is passed in."""
