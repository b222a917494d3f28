import { startFakeAfas } from '../../src/main/demo/fake-afas/server';
import type { FakeAfas, FakeField } from '../../src/main/demo/fake-afas/types';
import { TOKEN, type Row } from './helpers';

export { get, rows, TOKEN, type Row } from './helpers';

const FIELDS: FakeField[] = [
  { id: 'Id', dataType: 'int', label: 'Id' },
  { id: 'Name', dataType: 'string', label: 'Name' },
  { id: 'Amount', dataType: 'decimal', label: 'Amount', decimals: 2 },
  { id: 'Day', dataType: 'date', label: 'Day' },
  { id: 'Flag', dataType: 'boolean', label: 'Flag' },
];

export function startFakeAfasWith(rows: Row[]): Promise<FakeAfas> {
  return startFakeAfas({ environment: { envId: 'T12345AA', connectors: { T: { fields: FIELDS, rows } } }, tokens: [TOKEN] });
}
