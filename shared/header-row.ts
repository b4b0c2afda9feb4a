// The header-row suggestion in words, for the file step and the command line alike.

/** "Row 14 looks like the column names; …": when title or key;value lines stand above them. */
export function headerRowSuggestion(row: number): string {
  return `Row ${row} looks like the column names; the rows above it look like a title or notes.`;
}

/** The suggestion with how a mapping file applies it, for the command line. */
export function headerRowInMappingHint(row: number): string {
  return `${headerRowSuggestion(row)} To read the table from there, set "source": { "headerRow": ${row} } in the mapping file.`;
}
