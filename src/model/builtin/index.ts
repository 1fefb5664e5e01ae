import type { PracticeModel } from '../schema.ts';
import { eisToc } from './eis-toc.ts';
import { ispProfile } from './isp-profile.ts';

export { eisToc, ispProfile };

/** The models Praxis ships; the default model comes first. */
export const builtinModels: readonly PracticeModel[] = [eisToc, ispProfile];

/** Id of the model new organizations start with. */
export const DEFAULT_MODEL_ID = eisToc.id;
