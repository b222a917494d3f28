// How a match was made, in words: the same labels as the workbook (src/shared/method-labels.ts).
export { confirmedByLabel, METHOD_CODES, methodLabel } from '../../../shared/method-labels';
