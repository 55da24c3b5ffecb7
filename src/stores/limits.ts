/**
 * The numbers of the answers contract, for code that runs in the browser.
 *
 * They restate ANSWERS_VERSION and MAX_VALUES of src/schemas/answers.ts because
 * importing any value from that module brings zod along (about 30 KB gzip): its
 * schemas are built when the module loads. tests/unit/answers-check.test.ts
 * keeps the two in agreement.
 */
export const ANSWERS_VERSION = 1;
export const MAX_VALUES = 20;
