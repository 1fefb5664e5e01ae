import { v7 } from 'uuid';

/** New record id: a UUIDv7, so ids sort by creation time and make stable pagination cursors. */
export const newId = (): string => v7();

/** The current instant as the ISO-8601 UTC text every table stores. */
export const nowIso = (): string => new Date().toISOString();
