// The truth of the default demo dataset, for tests: `demoTruth.units[0].periods['2025-06']`.
import { generateDemoDataset, type DemoTruth } from './index';

export const demoTruth: DemoTruth = generateDemoDataset().truth;
