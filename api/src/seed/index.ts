/** Demo data: the seeded organisation, the designed customers and the sandbox mailbox. */
export { seedDemo, type SeedDemoOptions, type SeedDemoResult } from './seed-demo';
export { demoMailbox, type DemoMailboxItem } from './demo-mailbox';
export { planDemo } from './plan-demo';
export { DEMO_CAST, DEMO_CUSTOMERS, DEMO_ORG, DEMO_USERS, SHARED_DOMAIN } from './demo-directory';
export { DEMO_THREADS, INITECH_DISPUTE_MESSAGE_ID } from './demo-threads';
