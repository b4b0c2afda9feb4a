import { detectDecimalMark } from '../../../../shared/decimal-detect';
import type { FilePreview, ReviewSummary } from '../../../../shared/ipc-import';
import type { AttributeDraft, AttributeOwner } from '../../mapping/mapping-draft';
import { columnValues } from './samples';

/**
 * What the decimal mark choice of a number attribute says under it while it is automatic: the
 * mark the main process decided from the whole file when this attribute was last checked (the
 * review summary), else the one the first rows point to, as the import will decide it unless the
 * rest of the file says otherwise. Null when the mark is chosen or the attribute is no number.
 */
export function decimalNote(
  attribute: AttributeDraft,
  owner: AttributeOwner,
  file: FilePreview,
  summary: ReviewSummary | null,
): string | null {
  if (attribute.type !== 'number' || attribute.decimal !== 'auto') return null;
  const ownerKey = owner === 'customer' ? 'customerData' : 'contactData';
  const checked = summary?.decimalMarks.find(
    (choice) =>
      choice.automatic &&
      choice.owner === ownerKey &&
      choice.key === attribute.key.trim() &&
      choice.column === attribute.column,
  );
  if (checked !== undefined) return `${checked.description} Decided from the whole file.`;
  const { description } = detectDecimalMark(columnValues(file, attribute.column));
  return `${description} From the first rows; checking all rows confirms it.`;
}
